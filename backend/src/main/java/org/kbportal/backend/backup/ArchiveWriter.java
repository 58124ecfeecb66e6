package org.kbportal.backend.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.ObjectMapper;

/** Writes a zip entry by entry, remembering each entry's SHA-256 for the manifest. */
final class ArchiveWriter implements AutoCloseable {

    /** Receives one entry's bytes. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final ZipOutputStream zip;
    private final ArchiveSeal seal;
    private final Map<String, String> digests = new TreeMap<>();

    ArchiveWriter(OutputStream out, ArchiveSeal seal) throws IOException {
        this.zip = new ZipOutputStream(seal.protect(out));
        this.seal = seal;
    }

    void entry(String path, Body body) throws IOException {
        MessageDigest sha = sha256();
        zip.putNextEntry(new ZipEntry(path));
        OutputStream unclosable = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (DigestOutputStream out = new DigestOutputStream(unclosable, sha)) {
            body.writeTo(out);
        }
        zip.closeEntry();
        digests.put(path, HexFormat.of().formatHex(sha.digest()));
    }

    void file(String path, Path source) throws IOException {
        entry(path, out -> Files.copy(source, out));
    }

    Map<String, String> digests() {
        return digests;
    }

    void manifest(Manifest manifest, ObjectMapper json) throws IOException {
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        zip.putNextEntry(new ZipEntry(Manifest.NAME));
        zip.write(bytes);
        zip.closeEntry();
        // the signature covers the exact manifest bytes, and through their SHA-256 every entry
        zip.putNextEntry(new ZipEntry(ArchiveSeal.SIGNATURE));
        zip.write(seal.sign(bytes, json));
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
