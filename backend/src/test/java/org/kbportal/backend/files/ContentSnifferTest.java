package org.kbportal.backend.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    static ContentSniffer.Verdict sniff(byte[] bytes, String name) {
        return ContentSniffer.sniff(bytes, bytes.length, name);
    }

    @Test
    void shouldTellImagesAndPdfFromTheirBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertThat(sniff(png, "screen.png").contentType()).isEqualTo("image/png");
        assertThat(sniff(png, "screen.png").mislabelled()).isFalse();
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "a.JPG")
                        .contentType())
                .isEqualTo("image/jpeg");
        assertThat(sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "手册.pdf")
                        .contentType())
                .isEqualTo("application/pdf");
    }

    @Test
    void shouldNoticeANameThatLiesAboutTheContent() {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        ContentSniffer.Verdict verdict = sniff(exe, "report.pdf");
        assertThat(verdict.contentType()).isEqualTo("application/x-msdownload");
        assertThat(verdict.mislabelled()).isTrue();
        assertThat(sniff("just text".getBytes(StandardCharsets.UTF_8), "manual.pdf")
                        .mislabelled())
                .isTrue();
    }

    @Test
    void shouldTakeTheDocumentTypeOfAZipContainerFromTheExtension() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0};
        assertThat(sniff(zip, "安装手册.docx").contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(sniff(zip, "tools.zip").contentType()).isEqualTo("application/zip");
        assertThat(sniff(zip, "noext").contentType()).isEqualTo("application/zip");
    }

    @Test
    void shouldRecogniseChineseTextInUtf8AndGb18030() {
        String log = "2026-11-23 10:00:01 ERROR 数据库连接失败\n";
        assertThat(sniff(log.getBytes(StandardCharsets.UTF_8), "app.log").contentType())
                .isEqualTo("text/plain");
        assertThat(sniff(log.getBytes(Charset.forName("GB18030")), "app.log").contentType())
                .isEqualTo("text/plain");
        assertThat(sniff("# 标题\n正文".getBytes(StandardCharsets.UTF_8), "readme.md")
                        .contentType())
                .isEqualTo("text/markdown");
        assertThat(sniff("#!/bin/sh\necho ok\n".getBytes(StandardCharsets.UTF_8), "fix.sh")
                        .contentType())
                .isEqualTo("application/x-sh");
    }

    @Test
    void shouldKeepAMultiByteCharacterCutAtTheEndOfTheHeadAsText() {
        byte[] full = "中".repeat(ContentSniffer.HEAD).getBytes(StandardCharsets.UTF_8);
        assertThat(ContentSniffer.sniff(full, ContentSniffer.HEAD, "big.txt").contentType())
                .isEqualTo("text/plain");
    }

    @Test
    void shouldCallUnknownBinaryOctetStream() {
        byte[] junk = {1, 2, 3, 0, (byte) 0xFE, 7};
        assertThat(sniff(junk, "data.bin").contentType()).isEqualTo(ContentSniffer.OCTET);
        assertThat(sniff(junk, "notes.txt").mislabelled()).isTrue();
    }
}
