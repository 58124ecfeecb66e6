package org.kbportal.backend.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.manual.DocumentFormat;
import org.kbportal.backend.manual.TestDocuments;
import org.kbportal.backend.system.KbException;
import org.springframework.util.unit.DataSize;

/**
 * The manual upload's check (before any parser sees the file) and the {@link FileStore} (when the original is
 * stored) judge every file alike: a manual that was parsed is never refused afterwards. Real documents, a real
 * store on H2 and a real directory.
 */
class UploadAgreementTest {

    static final List<TestDocuments.Part> PARTS = List.of(new TestDocuments.Part("第一章 概述", List.of("本手册说明备份系统的使用。")));
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    static final byte[] ZIP = zipWith("readme.txt");

    @TempDir
    Path dir;

    FileStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = FileStoreTest.newStore(FileStoreTest.newDatabase(), dir.resolve("data"));
    }

    /** "accepted", or the problem type of the refusal. */
    String manualCheck(DocumentFormat format, String name, byte[] bytes) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "manual-", ".part"), bytes);
        try {
            format.check(file, name);
            return "accepted";
        } catch (KbException e) {
            return e.type().toString();
        }
    }

    String stored(DocumentFormat format, String name, byte[] bytes) {
        UploadPolicy policy = new UploadPolicy(DataSize.ofMegabytes(10), format.acceptedTypes());
        try {
            store.store(FileStoreTest.chunks(bytes, 4096), name, policy, "manual", "expert")
                    .block();
            return "accepted";
        } catch (KbException e) {
            return e.type().toString();
        }
    }

    void assertBothPaths(DocumentFormat format, String name, byte[] bytes, String expected) throws Exception {
        assertThat(manualCheck(format, name, bytes))
                .as("manual check of %s", name)
                .isEqualTo(expected);
        assertThat(stored(format, name, bytes)).as("file store of %s", name).isEqualTo(expected);
    }

    @Test
    void shouldAcceptEachManualFormatOnBothPaths() throws Exception {
        assertBothPaths(DocumentFormat.PDF, "手册.pdf", TestDocuments.pdf("t", PARTS, true, 1, null), "accepted");
        assertBothPaths(DocumentFormat.DOCX, "手册.docx", TestDocuments.docx("t", PARTS, true), "accepted");
        assertBothPaths(DocumentFormat.HTML, "manual.html", TestDocuments.html("t", PARTS), "accepted");
        assertBothPaths(DocumentFormat.MARKDOWN, "manual.md", TestDocuments.markdown("t", PARTS), "accepted");
        assertBothPaths(DocumentFormat.TEXT, "manual.txt", "第一章 概述\n\n正文".getBytes(StandardCharsets.UTF_8), "accepted");
        assertBothPaths(DocumentFormat.TEXT, "gbk.text", "第一章 概述\n\n正文".getBytes("GB18030"), "accepted");
    }

    @Test
    void shouldAcceptAPdfWithJunkBeforeItsHeaderOnBothPaths() throws Exception {
        byte[] pdf = TestDocuments.pdf("t", PARTS, false, 1, null);
        byte[] junk = "HTTP download prologue\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] prefixed = new byte[junk.length + pdf.length];
        System.arraycopy(junk, 0, prefixed, 0, junk.length);
        System.arraycopy(pdf, 0, prefixed, junk.length, pdf.length);

        assertBothPaths(DocumentFormat.PDF, "prefixed.pdf", prefixed, "accepted");
    }

    @Test
    void shouldRefuseRenamedExecutablesAndArchivesOnBothPaths() throws Exception {
        String mismatch = "urn:kb:file-type-mismatch";
        assertBothPaths(DocumentFormat.PDF, "report.pdf", EXE, mismatch);
        assertBothPaths(DocumentFormat.DOCX, "report.docx", EXE, mismatch);
        assertBothPaths(DocumentFormat.TEXT, "report.txt", EXE, mismatch);
        assertBothPaths(DocumentFormat.HTML, "report.html", EXE, mismatch);
        assertBothPaths(DocumentFormat.DOCX, "archive.docx", ZIP, mismatch);
        assertBothPaths(DocumentFormat.PDF, "archive.pdf", ZIP, mismatch);
        assertBothPaths(DocumentFormat.MARKDOWN, "archive.md", ZIP, mismatch);
        assertBothPaths(DocumentFormat.PDF, "word.pdf", TestDocuments.docx("t", PARTS, false), mismatch);
        assertBothPaths(DocumentFormat.DOCX, "pdf.docx", TestDocuments.pdf("t", PARTS, false, 1, null), mismatch);
    }

    @Test
    void shouldRefuseTextWithControlBytesOnBothPaths() throws Exception {
        // once parsed by the manual check (no NUL byte) and then refused by the store
        byte[] text = "line one\u0001\u0002 line two\n".getBytes(StandardCharsets.ISO_8859_1);

        assertBothPaths(DocumentFormat.TEXT, "odd.txt", text, "urn:kb:file-type-mismatch");
    }

    @Test
    void shouldTellAnEncryptedWordFileFromAMislabelledOne() throws Exception {
        byte[] encrypted = encrypt(TestDocuments.docx("t", PARTS, false));

        assertThat(manualCheck(DocumentFormat.DOCX, "secret.docx", encrypted)).isEqualTo("urn:kb:encrypted-document");
        assertThat(stored(DocumentFormat.DOCX, "secret.docx", encrypted)).isEqualTo("urn:kb:file-type-mismatch");
    }

    static byte[] zipWith(String entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write("hello".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] encrypt(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(docx));
                    OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
