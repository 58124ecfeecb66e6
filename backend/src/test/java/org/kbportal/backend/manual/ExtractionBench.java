package org.kbportal.backend.manual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Extraction throughput of manual uploads, without HTTP or database: a generated ~100-page PDF
 * (Chinese and English text in an embedded CJK font, one bookmark every 5 pages) and a Word file
 * of about the same text, each read by {@link DocumentReader} (sniffing, extraction, section
 * Markdown) after warm-up runs. Not a test; run on demand (see docs/BENCHMARKS.md):
 *
 * <pre>java -cp ... org.kbportal.backend.manual.ExtractionBench [pages] [runs]</pre>
 */
public final class ExtractionBench {

    private ExtractionBench() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<TestDocuments.Part> parts = new ArrayList<>();
        int perPart = 5;
        for (int i = 1; i <= pages / perPart; i++) {
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                paragraphs.add("第" + i + "章第" + p + "段：检查备份服务器的磁带库状态，确认驱动器已清洁，记录巡检结果。"
                        + "Check the tape library of backup server " + i + " and record the result of step " + p + ".");
            }
            parts.add(new TestDocuments.Part("第 " + i + " 章 巡检步骤 " + i, paragraphs));
        }
        Path dir = Files.createTempDirectory("kb-extraction-bench");
        Path pdf = dir.resolve("bench.pdf");
        Files.write(pdf, TestDocuments.pdf("巡检手册", parts, true, perPart, null));
        List<TestDocuments.Part> wordParts = new ArrayList<>();
        for (TestDocuments.Part part : parts) {
            List<String> more = new ArrayList<>();
            for (int k = 0; k < perPart; k++) {
                more.addAll(part.paragraphs());
            }
            wordParts.add(new TestDocuments.Part(part.heading(), more));
        }
        Path illustrated = dir.resolve("bench-illustrated.pdf");
        Files.write(illustrated, TestDocuments.pdf("巡检手册", parts, true, perPart, null, true));
        Path docx = dir.resolve("bench.docx");
        Files.write(docx, TestDocuments.docx("巡检手册", wordParts, true));
        measure("PDF", DocumentFormat.PDF, pdf, pages, runs);
        measure("PDF with a picture per page", DocumentFormat.PDF, illustrated, pages, runs);
        measure("DOCX", DocumentFormat.DOCX, docx, 0, runs);
    }

    private static void measure(String label, DocumentFormat format, Path file, int pages, int runs) throws Exception {
        long bytes = Files.size(file);
        int chars = 0;
        for (int i = 0; i < 2; i++) {
            chars = DocumentReader.read(format, file, file.getFileName().toString(), null, ExtractionProgress.NONE)
                    .markdown()
                    .length();
        }
        long start = System.nanoTime();
        int sections = 0;
        for (int i = 0; i < runs; i++) {
            String md = DocumentReader.read(format, file, file.getFileName().toString(), null, ExtractionProgress.NONE)
                    .markdown();
            sections = org.kbportal.backend.article.ManualSection.split("B", md).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9 / runs;
        System.out.printf(
                "%s: %.2f MB, %s%d sections, %d characters of Markdown; %.3f s per file = %.2f MB/s, %.0f characters/s%s%n",
                label,
                bytes / 1e6,
                pages > 0 ? pages + " pages, " : "",
                sections,
                chars,
                seconds,
                bytes / 1e6 / seconds,
                chars / seconds,
                pages > 0 ? String.format(", %.1f pages/s", pages / seconds) : "");
    }
}
