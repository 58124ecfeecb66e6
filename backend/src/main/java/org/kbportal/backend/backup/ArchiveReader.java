package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.kbportal.backend.system.SafePath;
import tools.jackson.databind.ObjectMapper;

/**
 * Opens an archive and proves it whole before anything is loaded: the manifest lists exactly the
 * entries present, every entry's SHA-256 matches, no entry name escapes its directory.
 */
final class ArchiveReader implements AutoCloseable {

    /** The archive is damaged, tampered with or not one of ours. */
    static final class InvalidArchive extends IOException {
        InvalidArchive(String message) {
            super(message);
        }
    }

    private final ZipFile zip;
    private final Manifest manifest;
    /** The decrypted copy of an encrypted archive, deleted on close; null otherwise. */
    private final Path decrypted;

    private ArchiveReader(ZipFile zip, Manifest manifest, Path decrypted) {
        this.zip = zip;
        this.manifest = manifest;
        this.decrypted = decrypted;
    }

    static ArchiveReader open(Path archive, ObjectMapper json, String expectedKind, ArchiveSeal seal)
            throws IOException {
        Path decrypted = null;
        if (EncryptedArchive.isEncrypted(archive)) {
            decrypted = Files.createTempFile("kb-decrypted-", ".zip");
            try {
                EncryptedArchive.decrypt(archive, decrypted, seal);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(decrypted);
                throw e;
            }
            archive = decrypted;
        }
        try {
            return open(archive, json, expectedKind, seal, decrypted);
        } catch (IOException | RuntimeException e) {
            if (decrypted != null) {
                Files.deleteIfExists(decrypted);
            }
            throw e;
        }
    }

    private static ArchiveReader open(
            Path archive, ObjectMapper json, String expectedKind, ArchiveSeal seal, Path decrypted) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw new InvalidArchive("Not a readable zip archive: " + e.getMessage());
        }
        try {
            ZipEntry m = zip.getEntry(Manifest.NAME);
            if (m == null) {
                throw new InvalidArchive("The archive has no " + Manifest.NAME + ".");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(m)) {
                bytes = in.readAllBytes();
            }
            ZipEntry sig = zip.getEntry(ArchiveSeal.SIGNATURE);
            byte[] signature = null;
            if (sig != null) {
                try (InputStream in = zip.getInputStream(sig)) {
                    signature = in.readNBytes(4096);
                }
            }
            seal.verify(bytes, signature, json);
            Manifest manifest;
            try {
                manifest = json.readValue(bytes, Manifest.class);
            } catch (tools.jackson.core.JacksonException e) {
                throw new InvalidArchive("The manifest cannot be read: " + e.getMessage());
            }
            if (manifest.formatVersion() != Manifest.FORMAT) {
                throw new InvalidArchive("Archive format " + manifest.formatVersion() + " is not supported (this"
                        + " version reads format " + Manifest.FORMAT + ").");
            }
            if (!expectedKind.equals(manifest.kind())) {
                throw new InvalidArchive(
                        "The archive is a '" + manifest.kind() + "', expected a '" + expectedKind + "'.");
            }
            ArchiveReader reader = new ArchiveReader(zip, manifest, decrypted);
            java.util.List<String> links = ZipLinks.in(archive);
            if (!links.isEmpty()) {
                throw new InvalidArchive("Entries " + links + " are symbolic links; an archive of ours holds none.");
            }
            reader.verify();
            return reader;
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private void verify() throws IOException {
        Set<String> seen = new HashSet<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (name.equals(Manifest.NAME) || name.equals(ArchiveSeal.SIGNATURE) || e.isDirectory()) {
                continue;
            }
            String unsafe = SafePath.problem(name);
            if (unsafe != null) {
                throw new InvalidArchive(
                        "Entry '" + name.replaceAll("\\p{Cntrl}", "?") + "' has an unsafe name (" + unsafe + ").");
            }
            String expected = manifest.entries().get(name);
            if (expected == null) {
                throw new InvalidArchive("Entry '" + name + "' is not in the manifest.");
            }
            MessageDigest sha = ArchiveWriter.sha256();
            try (InputStream in = new DigestInputStream(zip.getInputStream(e), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ex) {
                throw new InvalidArchive("Entry '" + name + "' cannot be read: " + ex.getMessage());
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(expected)) {
                throw new InvalidArchive("Checksum mismatch in '" + name + "': the archive is damaged or was changed.");
            }
            seen.add(name);
        }
        for (String listed : manifest.entries().keySet()) {
            if (!seen.contains(listed)) {
                throw new InvalidArchive("Entry '" + listed + "' is listed in the manifest but missing.");
            }
        }
        for (Manifest.TableEntry t : manifest.tables()) {
            if (!seen.contains(Manifest.tablePath(t.name()))) {
                throw new InvalidArchive("Table '" + t.name() + "' has no data entry.");
            }
        }
    }

    /** The decrypted copy this reader reads (null for an archive that was not encrypted). */
    Path decrypted() {
        return decrypted;
    }

    Manifest manifest() {
        return manifest;
    }

    InputStream open(String entry) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            throw new InvalidArchive("Entry '" + entry + "' is missing.");
        }
        return zip.getInputStream(e);
    }

    /** Entries under {@code files/}, without the prefix. */
    java.util.List<String> files() {
        return manifest.entries().keySet().stream()
                .filter(n -> n.startsWith("files/"))
                .map(n -> n.substring("files/".length()))
                .sorted()
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            if (decrypted != null) {
                Files.deleteIfExists(decrypted);
            }
        }
    }
}
