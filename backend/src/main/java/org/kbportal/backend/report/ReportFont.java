package org.kbportal.backend.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The font with Chinese glyphs that PDFs embed (as a subset) and charts draw with: {@code
 * kb.reports.font}, else the first installed of the usual Debian CJK TrueType fonts. No such font
 * is on Maven Central as a TrueType file, so the machine needs one ({@code apt-get install
 * fonts-wqy-microhei}); without it a PDF or chart request is a 503 problem that says so.
 */
@Component
class ReportFont {

    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private final String configured;
    private final AtomicReference<Font> awt = new AtomicReference<>();

    ReportFont(KbProperties props) {
        this.configured = props.reports() == null ? "" : props.reports().font();
    }

    Path file() {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (Files.isReadable(p)) {
                return p;
            }
            throw missing("kb.reports.font (" + configured + ") is not a readable file.");
        }
        return CANDIDATES.stream()
                .map(Path::of)
                .filter(Files::isReadable)
                .findFirst()
                .orElseThrow(() -> missing("No Chinese TrueType font found (tried " + CANDIDATES
                        + "); install fonts-wqy-microhei or set KB_REPORTS_FONT."));
    }

    /** The font for charts (Java 2D), loaded once. */
    Font awt(float size) {
        Font f = awt.get();
        if (f == null) {
            try {
                f = Font.createFonts(file().toFile())[0];
            } catch (IOException | FontFormatException e) {
                throw missing("The report font cannot be read: " + e.getMessage());
            }
            awt.compareAndSet(null, f);
        }
        return f.deriveFont(size);
    }

    /**
     * Loads the font into {@code doc} for embedding a subset; the returned closeable must stay open
     * until the document is saved.
     */
    Loaded pdf(PDDocument doc) throws IOException {
        Path p = file();
        if (p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(p.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            ttc.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return new Loaded(PDType0Font.load(doc, first[0], true), ttc);
        }
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()));
        return new Loaded(PDType0Font.load(doc, ttf, true), ttf);
    }

    record Loaded(PDType0Font font, java.io.Closeable source) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    private static KbException missing(String detail) {
        return new KbException(HttpStatus.SERVICE_UNAVAILABLE, "report-font-missing", "Report font missing", detail);
    }
}
