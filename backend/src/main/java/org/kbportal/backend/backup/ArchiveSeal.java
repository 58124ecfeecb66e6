package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.kbportal.backend.system.CryptoSuite;
import org.kbportal.backend.system.KbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Signs and encrypts archives, and checks both on the way in. Every archive carries {@code
 * manifest.sig}: a MAC of the exact manifest bytes (which hold the SHA-256 of every other entry)
 * under the signing key — {@code kb.backup.signing-key}, else one derived from {@code
 * kb.backup.encryption-key}, else a secret of the installation (kept out of its own backups). With
 * an encryption key the whole zip is encrypted ({@link EncryptedArchive}). The algorithms follow
 * {@code kb.crypto.suite}.
 */
final class ArchiveSeal {

    private static final Logger log = LoggerFactory.getLogger(ArchiveSeal.class);
    static final String SIGNATURE = "manifest.sig";
    /** The row of {@code installation_secret} that signs when no key is configured. */
    static final String SECRET_NAME = "backup-signing";

    /** {@code manifest.sig}: the MAC's name and its value in hex. */
    record Signature(String algorithm, String mac) {}

    private final CryptoSuite suite;
    private final byte[] encryptionKey;
    private final byte[] signingKey;
    private final boolean acceptUnsigned;

    private ArchiveSeal(CryptoSuite suite, byte[] encryptionKey, byte[] signingKey, boolean acceptUnsigned) {
        this.suite = suite;
        this.encryptionKey = encryptionKey;
        this.signingKey = signingKey;
        this.acceptUnsigned = acceptUnsigned;
    }

    /** The seal the settings describe; throws {@link IllegalStateException} on a malformed key. */
    static ArchiveSeal configured(KbProperties.Backup settings, String suiteSetting) {
        CryptoSuite suite;
        try {
            suite = CryptoSuite.of(suiteSetting);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        byte[] encryption = key(settings.encryptionKey(), "KB_BACKUP_ENCRYPTION_KEY", 32, 32);
        byte[] signing = key(settings.signingKey(), "KB_BACKUP_SIGNING_KEY", 32, 64);
        if (signing == null && encryption != null) {
            signing = CryptoSuite.STANDARD.mac(encryption, "kb-backup-signing".getBytes(StandardCharsets.UTF_8));
        }
        return new ArchiveSeal(suite, encryption, signing, settings.acceptUnsigned());
    }

    /** This seal, signing with the installation's own secret when no key is configured (blocking). */
    ArchiveSeal withInstallationSecret(JdbcTarget db) throws SQLException {
        if (signingKey != null) {
            return this;
        }
        try (Connection c = db.connect()) {
            String secret = readSecret(c);
            if (secret == null) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO installation_secret (name, secret) VALUES (?, ?)")) {
                    ps.setString(1, SECRET_NAME);
                    ps.setString(2, Base64.getEncoder().encodeToString(random));
                    ps.executeUpdate();
                } catch (SQLException e) {
                    // another instance was quicker: use theirs
                    log.debug("Backup signing secret created elsewhere: {}", e.getMessage());
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                secret = readSecret(c);
            }
            return new ArchiveSeal(suite, encryptionKey, Base64.getDecoder().decode(secret), acceptUnsigned);
        }
    }

    private static String readSecret(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM installation_secret WHERE name = ?")) {
            ps.setString(1, SECRET_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Row filters of a whole-installation backup: everything but the signing secret itself. */
    static Map<String, String> backupRowFilters(Schema schema) {
        Schema.Table secrets = schema.table("installation_secret");
        if (secrets == null || secrets.column("name") == null) {
            return Map.of();
        }
        return Map.of(secrets.key(), schema.q(secrets.column("name").name()) + " <> '" + SECRET_NAME + "'");
    }

    /** Where an archive is written: encrypted when an encryption key is configured. */
    OutputStream protect(OutputStream out) throws IOException {
        return encryptionKey == null
                ? out
                : EncryptedArchive.encrypting(out, suite, suite.derive(encryptionKey, purpose()));
    }

    /** The decryption key for an archive encrypted with {@code with}. */
    byte[] decryptionKey(CryptoSuite with) throws ArchiveReader.InvalidArchive {
        if (encryptionKey == null) {
            throw new ArchiveReader.InvalidArchive(
                    "The archive is encrypted, and no key is configured (KB_BACKUP_ENCRYPTION_KEY).");
        }
        return with.derive(encryptionKey, purpose());
    }

    private static String purpose() {
        return "kb-backup-encryption";
    }

    /** The content of {@code manifest.sig} for these manifest bytes. */
    byte[] sign(byte[] manifest, ObjectMapper json) {
        return json.writeValueAsBytes(
                new Signature(suite.macName(), HexFormat.of().formatHex(suite.mac(signingKey, manifest))));
    }

    /** Refuses a manifest whose signature is missing (unless allowed), unreadable or wrong. */
    void verify(byte[] manifest, byte[] signature, ObjectMapper json) throws ArchiveReader.InvalidArchive {
        if (signature == null) {
            if (acceptUnsigned) {
                log.warn("Archive without signature accepted (kb.backup.accept-unsigned=true)");
                return;
            }
            throw new ArchiveReader.InvalidArchive("The archive is not signed; an archive of an older version is"
                    + " accepted only with KB_BACKUP_ACCEPT_UNSIGNED=true.");
        }
        Signature s;
        try {
            s = json.readValue(signature, Signature.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new ArchiveReader.InvalidArchive("The signature " + SIGNATURE + " cannot be read.");
        }
        CryptoSuite with = CryptoSuite.byMacName(s.algorithm());
        if (with == null || s.mac() == null) {
            throw new ArchiveReader.InvalidArchive("The signature uses an unknown algorithm.");
        }
        if (signingKey == null) {
            throw new ArchiveReader.InvalidArchive("The archive's signature cannot be checked: configure the"
                    + " signing key of the installation that wrote it (KB_BACKUP_SIGNING_KEY or"
                    + " KB_BACKUP_ENCRYPTION_KEY).");
        }
        byte[] expected = with.mac(signingKey, manifest);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(s.mac());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ArchiveReader.InvalidArchive("The archive's signature does not match: it was changed or"
                    + " comes from an installation with another signing key.");
        }
    }

    private static byte[] key(String base64, String name, int min, int max) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64.");
        }
        if (key.length < min || key.length > max) {
            throw new IllegalStateException(name + " must be " + (min == max ? min : min + " to " + max)
                    + " bytes in base64 (e.g. openssl rand -base64 32), not " + key.length + ".");
        }
        return key;
    }
}
