package org.kbportal.backend.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit chain's settings (beside {@code kb.audit.*} of {@code KbProperties}).
 *
 * @param chainKey the key of the chain's HMAC ({@code KB_AUDIT_CHAIN_KEY}); empty: derived from the
 *     installation secret, which lives in the database, so only a key kept outside it stops someone with
 *     write access to the database from recomputing the chain
 * @param verifyInterval how often the whole chain is verified (also at start-up)
 */
@ConfigurationProperties("kb.audit")
public record AuditChainProperties(
        String chainKey, @DefaultValue("1d") Duration verifyInterval) {}
