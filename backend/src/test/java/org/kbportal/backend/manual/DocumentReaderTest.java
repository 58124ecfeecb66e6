package org.kbportal.backend.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.article.ManualSection;
import org.kbportal.backend.system.KbException;

class DocumentReaderTest {

    static final List<TestDocuments.Part> PARTS = List.of(
            new TestDocuments.Part("第一章 概述", List.of("本手册说明备份系统的使用。")),
            new TestDocuments.Part("第二章 安装", List.of("安装前检查磁盘空间。", "运行 install.sh 脚本。")),
            new TestDocuments.Part("第三章 磁带轮换", List.of("磁带库轮换策略每周五执行。")),
            new TestDocuments.Part("第四章 故障处理", List.of("驱动器报错时先清洁磁头。")));

    @TempDir
    Path dir;

    private DocumentReader.Content read(DocumentFormat format, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return DocumentReader.read(format, file, name, null, ExtractionProgress.NONE);
    }

    @Test
    void shouldSplitAPdfAtItsBookmarksAndKeepChineseAndPages() throws IOException {
        byte[] pdf = TestDocuments.pdf("备份系统手册", PARTS, true, 2, null);
        DocumentReader.Content c = read(DocumentFormat.PDF, "m.pdf", pdf);
        List<ManualSection> sections = ManualSection.split("M", c.markdown());
        assertThat(c.title()).isEqualTo("备份系统手册");
        assertThat(c.pages()).isEqualTo(8);
        assertThat(sections)
                .extracting(ManualSection::heading)
                .containsExactly("第一章 概述", "第二章 安装", "第三章 磁带轮换", "第四章 故障处理");
        assertThat(sections).extracting(ManualSection::page).containsExactly(1, 3, 5, 7);
        assertThat(sections.get(2).body()).contains("磁带库轮换策略每周五执行。").doesNotContain("第三章");
        assertThat(sections.get(1).body()).contains("install.sh");
    }

    @Test
    void shouldParsePdfsWithABoundedMemoryCacheThatSpillsToATemporaryFile() throws IOException {
        // PDFBox's default cache holds every decoded stream in memory, without limit
        org.apache.pdfbox.io.MemoryUsageSetting cache = PdfExtractor.streamCache();
        assertThat(cache.useMainMemory()).isTrue();
        assertThat(cache.isMainMemoryRestricted()).isTrue();
        assertThat(cache.getMaxMainMemoryBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(cache.useTempFile()).isTrue();
        assertThat(cache.isStorageRestricted()).isTrue();
        // and documents are read with it
        DocumentReader.Content c = read(DocumentFormat.PDF, "m.pdf", TestDocuments.pdf("备份系统手册", PARTS, true, 2, null));
        assertThat(c.markdown()).contains("备份");
    }

    @Test
    void shouldSplitAPdfWithoutOutlineByPages() throws IOException {
        byte[] pdf = TestDocuments.pdf("t", PARTS, false, 1, null);
        List<ManualSection> sections =
                ManualSection.split("M", read(DocumentFormat.PDF, "m.pdf", pdf).markdown());
        assertThat(sections).extracting(ManualSection::heading).containsExactly("第 1 页", "第 2 页", "第 3 页", "第 4 页");
        assertThat(sections.get(2).body()).contains("磁带库轮换策略");
    }

    @Test
    void shouldSplitWordAtHeadingStylesAndKeepTables() throws IOException {
        byte[] docx = TestDocuments.docx("备份系统手册", PARTS, true);
        DocumentReader.Content c = read(DocumentFormat.DOCX, "m.docx", docx);
        List<ManualSection> sections = ManualSection.split("M", c.markdown());
        assertThat(c.title()).isEqualTo("备份系统手册");
        assertThat(sections)
                .extracting(ManualSection::heading)
                .containsExactly("第一章 概述", "第二章 安装", "第三章 磁带轮换", "第四章 故障处理");
        assertThat(sections.get(0).body()).contains("| 参数 | 取值 |");
        assertThat(c.markdown()).contains("\n### 第三章 磁带轮换");
    }

    @Test
    void shouldSplitHtmlAtH1ToH3AndDropScripts() throws IOException {
        DocumentReader.Content c = read(DocumentFormat.HTML, "m.html", TestDocuments.html("备份", PARTS));
        List<ManualSection> sections = ManualSection.split("M", c.markdown());
        assertThat(sections)
                .extracting(ManualSection::heading)
                .containsExactly("第一章 概述", "第二章 安装", "第三章 磁带轮换", "第四章 故障处理");
        assertThat(c.markdown()).doesNotContain("alert").doesNotContain("菜单");
    }

    @Test
    void shouldKeepMarkdownAsWritten() throws IOException {
        DocumentReader.Content c = read(DocumentFormat.MARKDOWN, "m.md", TestDocuments.markdown("备份", PARTS));
        assertThat(c.title()).isEqualTo("备份");
        assertThat(ManualSection.split("M", c.markdown())).hasSize(5);
    }

    @Test
    void shouldEscapeTextThatLooksLikeMarkdown() throws IOException {
        byte[] text = "1 Intro\n\n# not a heading *and* <b>no tag</b>\n\n2 Setup\n\nrun it\n"
                .getBytes(StandardCharsets.UTF_8);
        DocumentReader.Content c = read(DocumentFormat.TEXT, "m.txt", text);
        List<ManualSection> sections = ManualSection.split("M", c.markdown());
        assertThat(sections).extracting(ManualSection::heading).containsExactly("1 Intro", "2 Setup");
        assertThat(sections.get(0).body()).isEqualTo("\\# not a heading \\*and\\* \\<b\\>no tag\\</b\\>");
    }

    @Test
    void shouldDecodeGbkText() throws IOException {
        byte[] gbk = "第一章 概述\n\n中文内容".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThat(read(DocumentFormat.TEXT, "m.txt", gbk).markdown()).contains("中文内容");
    }

    @Test
    void shouldRefuseCorruptEncryptedAndMislabelledFiles() {
        assertProblem(
                DocumentFormat.PDF,
                "bad.pdf",
                "%PDF-1.7\n\u0001garbage that is no pdf".getBytes(StandardCharsets.ISO_8859_1),
                "urn:kb:corrupt-document");
        assertProblem(
                DocumentFormat.PDF,
                "enc.pdf",
                TestDocuments.pdf("t", PARTS, true, 1, "secret"),
                "urn:kb:encrypted-document");
        assertProblem(
                DocumentFormat.PDF, "word.pdf", TestDocuments.docx("t", PARTS, false), "urn:kb:file-type-mismatch");
        assertProblem(
                DocumentFormat.DOCX,
                "pdf.docx",
                TestDocuments.pdf("t", PARTS, false, 1, null),
                "urn:kb:file-type-mismatch");
        assertProblem(DocumentFormat.TEXT, "bin.txt", new byte[] {1, 0, 2, 0, 3}, "urn:kb:file-type-mismatch");
    }

    private void assertProblem(DocumentFormat format, String name, byte[] bytes, String type) {
        assertThatThrownBy(() -> read(format, name, bytes))
                .isInstanceOfSatisfying(
                        KbException.class, e -> assertThat(e.type().toString()).isEqualTo(type));
    }
}
