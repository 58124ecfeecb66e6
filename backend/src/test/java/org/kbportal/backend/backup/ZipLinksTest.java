package org.kbportal.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipLinksTest {

    @TempDir
    Path dir;

    @Test
    void shouldFindEntriesMarkedAsSymbolicLinksAndRefuseTheArchive() throws Exception {
        Path zip = dir.resolve("pack.zip");
        Files.write(zip, archive(true));

        assertThat(ZipLinks.in(zip)).containsExactly("files/ab/link");
        assertThatThrownBy(
                        () -> ArchiveReader.open(zip, Archives.JSON, KnowledgeArchive.KIND, Seals.acceptingUnsigned()))
                .isInstanceOf(ArchiveReader.InvalidArchive.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void shouldFindNoLinksInAPlainArchive() throws Exception {
        Path zip = dir.resolve("plain.zip");
        Files.write(zip, archive(false));

        assertThat(ZipLinks.in(zip)).isEmpty();
        try (ArchiveReader reader =
                ArchiveReader.open(zip, Archives.JSON, KnowledgeArchive.KIND, Seals.acceptingUnsigned())) {
            assertThat(reader.files()).containsExactly("ab/link");
        }
    }

    /** A knowledge export holding one file whose entry is (when {@code link}) marked as a Unix symlink to /etc/passwd. */
    private static byte[] archive(boolean link) throws Exception {
        byte[] target = "/etc/passwd".getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(target));
        String manifest = "{\"formatVersion\":1,\"kind\":\"knowledge-export\",\"tables\":[],\"files\":1,"
                + "\"entries\":{\"files/ab/link\":\"" + sha + "\"}}";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("files/ab/link"));
            out.write(target);
            out.closeEntry();
        }
        byte[] zip = bytes.toByteArray();
        if (link) {
            // the central directory header of the second entry: made by Unix, mode lrwxrwxrwx
            ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            int seen = 0;
            for (int p = 0; p + 4 <= zip.length; p++) {
                if (b.getInt(p) == 0x02014b50 && ++seen == 2) {
                    b.putShort(p + 4, (short) (3 << 8 | 20));
                    b.putInt(p + 38, 0120777 << 16);
                }
            }
        }
        return zip;
    }
}
