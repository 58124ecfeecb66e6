package org.kbportal.backend.manual;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Checks that a file's bytes are what its name says before any parser sees it: a ".pdf" must
 * start with a PDF header, a ".docx" must be a ZIP holding a Word document, text formats must not
 * be binary. A Word file that is an OLE2 container is either encrypted or an old .doc.
 */
final class ContentCheck {

    private static final int HEAD = 8192;

    private ContentCheck() {}

    static void verify(DocumentFormat format, Path file) {
        byte[] head = head(file);
        String kind = kind(head);
        switch (format) {
            case PDF -> {
                if (!kind.equals("PDF")) {
                    throw DocumentProblems.mismatch(format, describe(kind));
                }
            }
            case DOCX -> verifyDocx(file, kind);
            default -> {
                if (!kind.equals("text")) {
                    throw DocumentProblems.mismatch(format, describe(kind));
                }
            }
        }
    }

    private static void verifyDocx(Path file, String kind) {
        if (kind.equals("OLE2")) {
            if (isEncryptedOffice(file)) {
                throw DocumentProblems.encrypted(DocumentFormat.DOCX);
            }
            throw DocumentProblems.mismatch(DocumentFormat.DOCX, "an old Word (.doc) or other Office 97 file");
        }
        if (!kind.equals("ZIP")) {
            throw DocumentProblems.mismatch(DocumentFormat.DOCX, describe(kind));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") == null) {
                throw DocumentProblems.mismatch(DocumentFormat.DOCX, "a ZIP archive without a Word document in it");
            }
        } catch (ZipException e) {
            throw DocumentProblems.corrupt(DocumentFormat.DOCX, "damaged ZIP container");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEncryptedOffice(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What the first bytes look like: PDF, ZIP, OLE2, binary or text. */
    static String kind(byte[] head) {
        if (startsWith(head, new byte[] {'P', 'K', 3, 4}) || startsWith(head, new byte[] {'P', 'K', 5, 6})) {
            return "ZIP";
        }
        if (startsWith(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            return "OLE2";
        }
        // the PDF header may follow a little junk; readers look in the first KB
        if (indexOf(head, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1024) >= 0) {
            return "PDF";
        }
        boolean utf16 = startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE})
                || startsWith(head, new byte[] {(byte) 0xFE, (byte) 0xFF});
        if (!utf16) {
            for (byte b : head) {
                if (b == 0) {
                    return "binary";
                }
            }
        }
        return "text";
    }

    private static String describe(String kind) {
        return switch (kind) {
            case "PDF" -> "a PDF document";
            case "ZIP" -> "a ZIP archive (e.g. a Word .docx or Excel file)";
            case "OLE2" -> "an Office 97 file (.doc, .xls)";
            case "text" -> "plain text";
            default -> "binary data";
        };
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] needle, int within) {
        int last = Math.min(data.length, within) - needle.length;
        for (int i = 0; i <= last; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = data[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
