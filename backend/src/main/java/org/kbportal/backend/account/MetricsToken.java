package org.kbportal.backend.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Prometheus scrape token ({@code KB_METRICS_TOKEN}): accepted as a bearer token on {@link #PATH}
 * only, compared in constant time (SHA-256 of both sides, so not even the length leaks); it grants
 * {@link #ROLE}, which opens nothing but the metrics. Empty: no token works.
 */
final class MetricsToken {

    static final String PATH = "/actuator/prometheus";
    static final String ROLE = "METRICS";

    private final byte[] digest;

    MetricsToken(String token) {
        this.digest = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    static Authentication authenticated() {
        return new UsernamePasswordAuthenticationToken(
                "metrics-scraper", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The converter's finding: the request carried the scrape token. */
    static final class Scrape extends AbstractAuthenticationToken {

        Scrape() {
            super(List.of());
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "metrics-scraper";
        }
    }
}
