package org.kbportal.backend.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void shouldDropDirectoriesFromUnixAndWindowsPaths() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\张三\\Desktop\\错误日志.log")).isEqualTo("错误日志.log");
    }

    @Test
    void shouldReplaceCharactersThatBreakHeadersOrHideTheExtension() {
        assertThat(FileNames.sanitise("a\"b;c\r\nd.txt")).isEqualTo("a_b_c__d.txt");
        // U+202E RIGHT-TO-LEFT OVERRIDE makes "evil\u202Efdp.exe" display as "evilexe.pdf"
        assertThat(FileNames.sanitise("evil\u202Efdp.exe")).isEqualTo("evil_fdp.exe");
    }

    @Test
    void shouldNeverReturnAnEmptyOrHiddenName() {
        assertThat(FileNames.sanitise("")).isEqualTo("file");
        assertThat(FileNames.sanitise(null)).isEqualTo("file");
        assertThat(FileNames.sanitise("...")).isEqualTo("file");
        assertThat(FileNames.sanitise(" .bashrc ")).isEqualTo("bashrc");
    }

    @Test
    void shouldShortenLongNamesKeepingTheExtension() {
        String name = FileNames.sanitise("长".repeat(500) + ".pdf");
        assertThat(name).endsWith(".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
    }
}
