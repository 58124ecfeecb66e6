package org.kbportal.backend.system;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The family of algorithms for integrity (and, later, encryption) of the installation's own records,
 * chosen by {@code kb.crypto.suite} ({@code KB_CRYPTO_SUITE}): {@link #STANDARD} (SHA-256, HMAC-SHA256)
 * or {@link #SM} (the Chinese commercial algorithms for a 密评: SM3, HMAC-SM3, via Bouncy Castle's
 * lightweight API, so no JCA provider needs registering). One place, so the audit chain and backup
 * signatures choose alike. Each MAC is written with its {@link #id()} in front ({@code sha256:…},
 * {@code sm3:…}), so records made under the other suite still verify after a switch.
 */
public enum CryptoSuite {
    STANDARD("hmac-sha256"),
    SM("hmac-sm3");

    private final String id;

    CryptoSuite(String id) {
        this.id = id;
    }

    /** The name of this suite's MAC as stored in front of each value. */
    public String id() {
        return id;
    }

    /** The suite whose MAC is named {@code id}; null for an unknown name. */
    public static CryptoSuite byId(String id) {
        for (CryptoSuite s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** The keyed hash of {@code data}: HMAC-SHA256 or HMAC-SM3, 32 bytes either way. */
    public byte[] mac(byte[] key, byte[] data) {
        if (this == SM) {
            HMac hmac = new HMac(new SM3Digest());
            hmac.init(new KeyParameter(key));
            hmac.update(data, 0, data.length);
            byte[] out = new byte[hmac.getMacSize()];
            hmac.doFinal(out, 0);
            return out;
        }
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The plain hash of {@code data}: SHA-256 or SM3. */
    public byte[] digest(byte[] data) {
        if (this == SM) {
            SM3Digest d = new SM3Digest();
            d.update(data, 0, data.length);
            byte[] out = new byte[d.getDigestSize()];
            d.doFinal(out, 0);
            return out;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
