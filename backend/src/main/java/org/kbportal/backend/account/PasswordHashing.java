package org.kbportal.backend.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashes. bcrypt reads at most 72 bytes (25 Chinese characters are 75), and Spring's
 * encoder refuses longer input, so new hashes ({@code {bcrypt-sha256}...}) are bcrypt of the
 * Base64 SHA-256 of the password: any length counts in full. Hashes written before ({@code
 * {bcrypt}...}) keep verifying; a password longer than 72 bytes simply does not match them.
 */
final class PasswordHashing {

    static final String ID = "bcrypt-sha256";

    private PasswordHashing() {}

    static PasswordEncoder encoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        return new DelegatingPasswordEncoder(ID, Map.of(ID, new PreHashed(bcrypt), "bcrypt", new At72Bytes(bcrypt)));
    }

    /** bcrypt of Base64(SHA-256(UTF-8 password)): 44 ASCII characters, whatever the password's length. */
    private record PreHashed(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(preHash(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null && bcrypt.matches(preHash(raw), encoded);
        }
    }

    /** The earlier hashes: verified as before; over 72 bytes is "no match", not an exception. */
    private record At72Bytes(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null
                    && raw.toString().getBytes(StandardCharsets.UTF_8).length <= 72
                    && bcrypt.matches(raw, encoded);
        }
    }

    static String preHash(CharSequence raw) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
