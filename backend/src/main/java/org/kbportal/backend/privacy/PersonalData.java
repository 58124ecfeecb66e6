package org.kbportal.backend.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Everything the portal holds about one person ({@code GET /api/admin/users/{id}/personal-data}): the account
 * without password hash, tokens or second-factor secret, and the rows that name the person. Audit events are a
 * read-only listing (they are never rewritten: the audit chain would break).
 */
public record PersonalData(
        Instant exportedAt,
        Account account,
        Organisation organisation,
        List<AskedQuestion> questions,
        List<Rating> ratings,
        List<Notification> notifications,
        Preferences preferences,
        List<Feedback> articleFeedback,
        List<Search> searches,
        List<AuditEntry> auditEvents) {

    /** The account's fields; {@code mfaEnrolled} says whether a second factor is set up, never its secret. */
    public record Account(
            long id,
            String username,
            String displayName,
            String email,
            String phone,
            String unit,
            String address,
            List<String> roles,
            boolean enabled,
            String source,
            String externalId,
            Instant createdAt,
            Instant passwordChangedAt,
            Instant lastSyncedAt,
            boolean mfaEnrolled) {}

    public record Organisation(long id, String name) {}

    public record AskedQuestion(
            long id,
            String title,
            String body,
            String kind,
            String severity,
            String category,
            String status,
            String askerOrg,
            String contactPref,
            Instant createdAt,
            Instant closedAt,
            List<Message> messages,
            List<Attachment> attachments) {}

    /** A message of the question's conversation; {@code author} is the writer's user name. */
    public record Message(long id, String author, boolean fromExpert, String body, Instant createdAt) {}

    public record Attachment(String fileId, String name, String contentType, long sizeBytes, Instant createdAt) {}

    /** A rating the person gave. */
    public record Rating(
            long questionId, int attitude, int expertise, int timeliness, String comment, Instant createdAt) {}

    public record Notification(
            long id, String kind, Long questionId, String message, Instant createdAt, Instant readAt) {}

    /** E-mail language and channel choices; null fields: never set. */
    public record Preferences(
            String language, String emailEvents, String smsEvents, String quietStart, String quietEnd) {}

    public record Feedback(String articleId, boolean helpful, String comment, Instant createdAt) {}

    public record Search(long id, String query, String filters, long hits, String openedId, Instant createdAt) {}

    /** An audit event in which the person is the actor. */
    public record AuditEntry(
            long id, Instant occurredAt, String action, String target, Integer status, String clientIp) {}

    /** What an erasure changed. */
    public record Erased(
            long userId,
            String formerUsername,
            String username,
            long searchRows,
            long questions,
            long notifications,
            long feedback,
            long mails) {}
}
