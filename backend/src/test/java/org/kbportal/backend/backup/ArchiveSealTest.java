package org.kbportal.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed and encrypted archives with both suites: a round trip restores every byte; a changed byte,
 * a foreign key, a truncated file and an unsigned archive are refused before anything is read.
 */
class ArchiveSealTest {

    private static final String KEY_A = key(1);
    private static final String KEY_B = key(2);
    private static final byte[] BODY = body();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "SM"})
    void shouldRoundTripAnEncryptedSignedArchive(String suite) throws Exception {
        ArchiveSeal seal = Seals.of(suite, KEY_A, "", false);
        Path file = write(seal);

        byte[] raw = Files.readAllBytes(file);
        assertThat(EncryptedArchive.isEncrypted(file)).isTrue();
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("manifest.json", "note.txt");
        Path decrypted;
        try (ArchiveReader r = ArchiveReader.open(file, Archives.JSON, "knowledge-export", seal);
                InputStream in = r.open("files/ab/note.txt")) {
            assertThat(r.files()).containsExactly("ab/note.txt");
            assertThat(in.readAllBytes()).isEqualTo(BODY);
            decrypted = r.decrypted();
            assertThat(decrypted).isRegularFile();
        }
        assertThat(decrypted).as("the decrypted copy is removed on close").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "SM"})
    void shouldRefuseAChangedByteAForeignKeyAndATruncatedFile(String suite) throws Exception {
        ArchiveSeal seal = Seals.of(suite, KEY_A, "", false);
        byte[] raw = Files.readAllBytes(write(seal));
        Path file = Files.write(dir.resolve("sealed.zip"), raw);

        byte[] flipped = raw.clone();
        flipped[raw.length / 2] ^= 1;
        assertRefused(Files.write(dir.resolve("flipped.zip"), flipped), seal, "does not decrypt");
        assertRefused(file, Seals.of(suite, KEY_B, "", false), "does not decrypt");
        byte[] cut = java.util.Arrays.copyOf(raw, 17 + EncryptedArchive.SEGMENT + 16);
        assertRefused(Files.write(dir.resolve("cut.zip"), cut), seal, "does not decrypt");
        assertRefused(file, Seals.of(suite, "", KEY_A, false), "no key is configured");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "SM"})
    void shouldRefuseAPlainArchiveSignedElsewhereOrWithAChangedManifest(String suite) throws Exception {
        ArchiveSeal seal = Seals.of(suite, "", KEY_A, false);
        Path file = write(seal);
        try (ArchiveReader r = ArchiveReader.open(file, Archives.JSON, "knowledge-export", seal)) {
            assertThat(r.manifest().files()).isEqualTo(1);
        }

        assertRefused(file, Seals.of(suite, "", KEY_B, false), "signature does not match");
        // a consistent manifest (checksums fit) that was not signed by us
        Path changed = rewrite(
                file, "manifest.json", m -> m.replace("\"appVersion\" : \"test\"", "\"appVersion\" : \"evil\""));
        assertRefused(changed, seal, "signature does not match");
        assertRefused(rewrite(file, ArchiveSeal.SIGNATURE, s -> "{"), seal, "cannot be read");
    }

    @Test
    void shouldAcceptAnUnsignedArchiveOnlyWhenAllowed() throws Exception {
        Path file = write(Seals.of("STANDARD", "", KEY_A, false));
        Path unsigned = rewrite(file, ArchiveSeal.SIGNATURE, null);

        assertRefused(unsigned, Seals.of("STANDARD", "", KEY_A, false), "KB_BACKUP_ACCEPT_UNSIGNED");
        try (ArchiveReader r = ArchiveReader.open(
                unsigned, Archives.JSON, "knowledge-export", Seals.of("STANDARD", "", KEY_A, true))) {
            assertThat(r.files()).containsExactly("ab/note.txt");
        }
    }

    @Test
    void shouldRefuseMalformedKeysAndSuites() {
        assertThatThrownBy(() -> Seals.of("STANDARD", "c2hvcnQ=", "", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KB_BACKUP_ENCRYPTION_KEY")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> Seals.of("STANDARD", "", "not base64!", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KB_BACKUP_SIGNING_KEY");
        assertThatThrownBy(() -> Seals.of("RC4", "", "", false)).isInstanceOf(IllegalStateException.class);
    }

    private Path write(ArchiveSeal seal) throws Exception {
        Path file = Files.createTempFile(dir, "archive-", ".zip");
        try (OutputStream out = Files.newOutputStream(file);
                ArchiveWriter w = new ArchiveWriter(out, seal)) {
            w.entry("files/ab/note.txt", o -> o.write(BODY));
            w.manifest(
                    new Manifest(
                            Manifest.FORMAT,
                            "knowledge-export",
                            "test",
                            "1",
                            "H2",
                            Instant.parse("2026-12-05T00:00:00Z"),
                            List.of(),
                            1,
                            w.digests()),
                    Archives.JSON);
        }
        return file;
    }

    /** A copy of a plain archive with one entry's text changed ({@code null}: left out). */
    private Path rewrite(Path file, String entry, java.util.function.UnaryOperator<String> change) throws Exception {
        Path out = Files.createTempFile(dir, "changed-", ".zip");
        try (ZipFile in = new ZipFile(file.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    if (change == null) {
                        continue;
                    }
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }

    private static void assertRefused(Path file, ArchiveSeal seal, String why) {
        assertThatThrownBy(() -> ArchiveReader.open(file, Archives.JSON, "knowledge-export", seal)
                        .close())
                .isInstanceOf(ArchiveReader.InvalidArchive.class)
                .hasMessageContaining(why);
    }

    private static String key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    /** Three and a bit segments of incompressible bytes. */
    private static byte[] body() {
        byte[] b = new byte[3 * EncryptedArchive.SEGMENT + 123];
        new Random(7).nextBytes(b);
        return b;
    }
}
