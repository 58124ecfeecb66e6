package org.kbportal.backend.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kb.crypto.*}.
 *
 * @param suite the algorithm family for the audit chain (and backup signatures): {@code STANDARD}
 *     (HMAC-SHA256) or {@code SM} (国密: HMAC-SM3); {@code KB_CRYPTO_SUITE}
 */
@ConfigurationProperties("kb.crypto")
public record CryptoProperties(@DefaultValue("STANDARD") CryptoSuite suite) {}
