package org.kbportal.backend.system;

import java.util.Locale;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The algorithm family of keyed checks and encryption, chosen by {@code KB_CRYPTO_SUITE}: {@code
 * STANDARD} (HMAC-SHA256, AES-256-GCM) or {@code SM} (国密: HMAC-SM3, SM4-GCM, for a 密评). Bouncy
 * Castle's lightweight API, so no JCE provider is registered. One place, so the audit chain, backup
 * signatures and archive encryption choose alike; the audit chain writes each MAC with its {@link #id()}
 * in front, so records made under the other suite still verify after a switch.
 */
public enum CryptoSuite {
    STANDARD("hmac-sha256", "HmacSHA256", 32),
    SM("hmac-sm3", "HmacSM3", 16);

    private final String id;
    private final String macName;
    private final int keyBytes;

    CryptoSuite(String id, String macName, int keyBytes) {
        this.id = id;
        this.macName = macName;
        this.keyBytes = keyBytes;
    }

    /** The name of this suite's MAC as the audit chain stores it in front of each value. */
    public String id() {
        return id;
    }

    /** The suite whose MAC the audit chain names {@code id}; null for an unknown name. */
    public static CryptoSuite byId(String id) {
        for (CryptoSuite s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** The suite a setting names; blank is {@link #STANDARD}, {@code SM} and {@code GM} are 国密. */
    public static CryptoSuite of(String setting) {
        if (setting == null || setting.isBlank()) {
            return STANDARD;
        }
        return switch (setting.strip().toUpperCase(Locale.ROOT)) {
            case "STANDARD" -> STANDARD;
            case "SM", "GM" -> SM;
            default ->
                throw new IllegalArgumentException(
                        "KB_CRYPTO_SUITE must be STANDARD or SM, not '" + setting.strip() + "'.");
        };
    }

    /** The suite whose MAC is called {@code macName} (as written next to a signature); null if none. */
    public static CryptoSuite byMacName(String macName) {
        for (CryptoSuite s : values()) {
            if (s.macName.equals(macName)) {
                return s;
            }
        }
        return null;
    }

    /** The name of the MAC, e.g. {@code HmacSHA256}. */
    public String macName() {
        return macName;
    }

    /** Key length of the block cipher in bytes (AES-256: 32, SM4: 16). */
    public int keyBytes() {
        return keyBytes;
    }

    /** The MAC of {@code data} under {@code key} (any length). */
    public byte[] mac(byte[] key, byte[] data) {
        HMac hmac = new HMac(digest());
        hmac.init(new KeyParameter(key));
        hmac.update(data, 0, data.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    /** A key of {@link #keyBytes()} derived from {@code master} for one {@code purpose}. */
    public byte[] derive(byte[] master, String purpose) {
        byte[] full = mac(master, purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.Arrays.copyOf(full, keyBytes);
    }

    /** A fresh GCM cipher over the suite's block cipher (128-bit tag); the caller initialises it. */
    public AEADBlockCipher gcm() {
        return GCMBlockCipher.newInstance(blockCipher());
    }

    BlockCipher blockCipher() {
        return this == SM ? new SM4Engine() : AESEngine.newInstance();
    }

    /** The suite's hash of {@code data} (SHA-256 or SM3). */
    public byte[] digest(byte[] data) {
        Digest d = digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    private Digest digest() {
        return this == SM ? new SM3Digest() : new SHA256Digest();
    }
}
