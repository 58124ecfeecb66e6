package org.kbportal.backend.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal-data limits ({@code kb.privacy.*}).
 *
 * @param pseudonymiseAfterDays search-log rows older than this lose their user name ({@code
 *     KB_PRIVACY_PSEUDONYMISE_AFTER_DAYS}, at least 1); the audit log keeps actors and addresses until its
 *     own purge ({@code KB_AUDIT_RETENTION_DAYS}, at least 180) so that it stays verifiable
 * @param attachmentRetentionDays question attachments are deleted this many days after their question was closed
 *     ({@code KB_PRIVACY_ATTACHMENT_RETENTION_DAYS}); 0: kept for ever (the default)
 */
@ConfigurationProperties("kb.privacy")
public record PrivacyProperties(
        @DefaultValue("180") int pseudonymiseAfterDays,
        @DefaultValue("0") int attachmentRetentionDays) {

    public PrivacyProperties {
        if (pseudonymiseAfterDays < 1) {
            throw new IllegalArgumentException("kb.privacy.pseudonymise-after-days must be at least 1");
        }
        if (attachmentRetentionDays < 0) {
            throw new IllegalArgumentException("kb.privacy.attachment-retention-days must not be negative");
        }
    }
}
