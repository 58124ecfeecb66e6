package org.kbportal.backend.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;

/**
 * Tells a file's type from its first bytes, never from what the client claims, and notices when the
 * name's extension says otherwise (a "report.pdf" that is really an executable). The one judge of uploads:
 * the {@link FileStore} and the manual upload (before any parser sees the file) both ask {@link #accept}, so a
 * document that is parsed is never refused when it is stored.
 */
public final class ContentSniffer {

    /** Bytes read from the start of a file to decide. */
    static final int HEAD = 8192;

    static final String OCTET = "application/octet-stream";
    static final String ZIP = "application/zip";
    static final String OLE = "application/x-ole-storage";
    static final String PDF = "application/pdf";

    /** The part an Office Open XML package of each type must hold. */
    private static final Map<String, String> OOXML_MAIN_PART = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/document.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/workbook.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/presentation.xml");

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", ZIP),
            Map.entry("gz", "application/gzip"),
            Map.entry("tgz", "application/gzip"),
            Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("exe", "application/x-msdownload"),
            Map.entry("dll", "application/x-msdownload"),
            Map.entry("msi", OLE),
            Map.entry("md", "text/markdown"),
            Map.entry("markdown", "text/markdown"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("sh", "application/x-sh"),
            Map.entry("txt", "text/plain"),
            Map.entry("log", "text/plain"));

    private ContentSniffer() {}

    /** The outcome: the sniffed type and, when the extension disagrees, the type the name claims. */
    public record Verdict(String contentType, String claimedType) {
        public boolean mislabelled() {
            return claimedType != null && !claimedType.equals(contentType);
        }
    }

    /**
     * The file's content type, or a 415 problem when its name claims another type ({@code file-type-mismatch})
     * or the type is not in {@code allowedTypes} ({@code file-type-not-allowed}). Blocking.
     */
    public static String accept(Path file, String name, Set<String> allowedTypes) {
        String clean = FileNames.sanitise(name);
        Verdict verdict = sniff(file, clean);
        if (verdict.mislabelled()) {
            throw new KbException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "file-type-mismatch",
                    "File content does not match its name",
                    "'" + clean + "' is named like " + verdict.claimedType() + " but its content is "
                            + verdict.contentType() + ". Upload the original file with its correct extension.");
        }
        if (!allowedTypes.contains(verdict.contentType())) {
            throw new KbException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "file-type-not-allowed",
                    "File type not allowed",
                    "'" + clean + "' is " + verdict.contentType() + ", which is not accepted here.",
                    Map.of("allowedTypes", allowedTypes.stream().sorted().toList()));
        }
        return verdict.contentType();
    }

    /** Sniffs a file: its head, and for an Office Open XML name whether the ZIP holds that document. */
    static Verdict sniff(Path file, String name) {
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Verdict verdict = sniff(head, n, name);
        String part = OOXML_MAIN_PART.get(verdict.contentType());
        return part == null || holds(file, part) ? verdict : new Verdict(ZIP, verdict.claimedType());
    }

    /** False when the ZIP is readable and lacks the entry; a damaged one is left to the parser to report. */
    private static boolean holds(Path zipFile, String entry) {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (ZipException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OLE2 container holding an encrypted Office Open XML package (a password-protected .docx). */
    public static boolean encryptedOffice(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            if (!OLE.equals(binaryType(head, head.length))) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static Verdict sniff(byte[] head, int length, String name) {
        String ext = extension(name);
        String claimed = BY_EXTENSION.get(ext);
        String binary = binaryType(head, length);
        if (binary != null) {
            return new Verdict(refineContainer(binary, claimed), claimed);
        }
        // PDF readers accept a little junk before the header (within the first KB): so does a file named .pdf
        if (PDF.equals(claimed) && indexOf(head, Math.min(length, 1024), "%PDF-") >= 0) {
            return new Verdict(PDF, claimed);
        }
        if (isText(head, length)) {
            return new Verdict(textType(claimed), claimed);
        }
        return new Verdict(OCTET, claimed);
    }

    private static int indexOf(byte[] b, int n, String ascii) {
        outer:
        for (int i = 0; i + ascii.length() <= n; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (b[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Zip and OLE2 are containers: the extension says which document they hold. */
    private static String refineContainer(String binary, String claimed) {
        if (claimed == null) {
            return binary;
        }
        if (binary.equals(ZIP) && claimed.startsWith("application/vnd.openxmlformats")) {
            return claimed;
        }
        if (binary.equals(OLE)
                && (claimed.equals("application/msword") || claimed.equals("application/vnd.ms-excel"))) {
            return claimed;
        }
        return binary;
    }

    private static String textType(String claimed) {
        if (claimed != null
                && (claimed.startsWith("text/")
                        || claimed.startsWith("application/j")
                        || claimed.equals("application/xml")
                        || claimed.equals("application/x-sh"))) {
            return claimed;
        }
        return "text/plain";
    }

    private static String binaryType(byte[] b, int n) {
        if (starts(b, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, n, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, n, 'G', 'I', 'F', '8') && n > 5 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return "image/gif";
        }
        if (starts(b, n, 'R', 'I', 'F', 'F') && n >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, n, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (starts(b, n, 'P', 'K', 3, 4) || starts(b, n, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (starts(b, n, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        if (starts(b, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "application/x-7z-compressed";
        }
        if (starts(b, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE;
        }
        if (starts(b, n, 'M', 'Z')) {
            return "application/x-msdownload";
        }
        if (starts(b, n, 0x7F, 'E', 'L', 'F')) {
            return "application/x-executable";
        }
        return null;
    }

    /** UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 text without control garbage. */
    static boolean isText(byte[] b, int n) {
        if (n == 0) {
            return true;
        }
        if (starts(b, n, 0xFF, 0xFE) || starts(b, n, 0xFE, 0xFF)) {
            return n % 2 == 0 || n == HEAD;
        }
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)) {
                return false;
            }
        }
        // a multi-byte character may be cut at the end of the head: ignore up to 3 trailing bytes
        int cut = n == HEAD ? Math.max(0, n - 3) : n;
        return decodes(StandardCharsets.UTF_8, b, n, cut) || decodes(Charset.forName("GB18030"), b, n, cut);
    }

    private static boolean decodes(Charset charset, byte[] b, int n, int minimum) {
        for (int end = n; end >= minimum; end--) {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                decoder.decode(ByteBuffer.wrap(b, 0, end));
                return true;
            } catch (CharacterCodingException e) {
                if (end == n && n != HEAD) {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean starts(byte[] b, int n, int... signature) {
        if (n < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1
                ? ""
                : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
