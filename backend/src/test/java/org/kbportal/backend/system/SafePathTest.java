package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathTest {

    @TempDir
    Path base;

    @Test
    void shouldResolvePlainRelativePathsUnderTheBase() throws Exception {
        assertThat(SafePath.under(base, "ab/abcdef.bin")).isEqualTo(base.resolve("ab/abcdef.bin"));
        assertThat(SafePath.fileIn(base, "kb-backup-20261204.zip")).isEqualTo(base.resolve("kb-backup-20261204.zip"));
        assertThat(SafePath.under(base, "存储/手册.pdf")).isEqualTo(base.resolve("存储/手册.pdf"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "../../etc/passwd",
                "..",
                "a/../../b",
                "a/./b",
                "/etc/passwd",
                "C:/Windows/win.ini",
                "a\\..\\b",
                "a\u0000b",
                "a\nb",
                "a//b",
                "a/"
            })
    void shouldRefuseAnythingButAPlainRelativePath(String rel) {
        assertThatThrownBy(() -> SafePath.under(base, rel)).isInstanceOf(SafePath.UnsafePath.class);
        assertThat(SafePath.problem(rel)).isNotNull();
    }

    @Test
    void shouldRefuseNullAndDirectoriesForAFileName() {
        assertThatThrownBy(() -> SafePath.under(base, null)).isInstanceOf(SafePath.UnsafePath.class);
        assertThatThrownBy(() -> SafePath.fileIn(base, "sub/file.zip")).isInstanceOf(SafePath.UnsafePath.class);
    }

    @Test
    void shouldRefuseAPathThroughASymbolicLink() throws Exception {
        Path outside = Files.createTempDirectory("kb-outside");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(base.resolve("ab"), outside);
        Files.createSymbolicLink(base.resolve("link.zip"), outside.resolve("secret.txt"));

        assertThatThrownBy(() -> SafePath.under(base, "ab/secret.txt"))
                .isInstanceOf(SafePath.UnsafePath.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> SafePath.fileIn(base, "link.zip")).isInstanceOf(SafePath.UnsafePath.class);
    }
}
