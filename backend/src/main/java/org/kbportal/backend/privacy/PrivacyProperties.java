package org.kbportal.backend.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal-data limits ({@code kb.privacy.*}).
 *
 * @param pseudonymiseAfterDays search-log rows older than this lose their user name ({@code
 *     KB_PRIVACY_PSEUDONYMISE_AFTER_DAYS}, at least 1); the audit log keeps actors and addresses until its
 *     own purge ({@code KB_AUDIT_RETENTION_DAYS}, at least 180) so that it stays verifiable
 */
@ConfigurationProperties("kb.privacy")
public record PrivacyProperties(@DefaultValue("180") int pseudonymiseAfterDays) {

    public PrivacyProperties {
        if (pseudonymiseAfterDays < 1) {
            throw new IllegalArgumentException("kb.privacy.pseudonymise-after-days must be at least 1");
        }
    }
}
