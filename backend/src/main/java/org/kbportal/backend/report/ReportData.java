package org.kbportal.backend.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one report is computed from, as read from the database for a period: plain rows, no
 * logic. {@link ReportBuilder} turns it into a {@link ServiceReport}.
 */
record ReportData(
        List<QuestionRow> questions,
        Map<Long, List<StatusChange>> statusChanges,
        List<EscalationRow> escalations,
        long slaBreaches,
        long reopened,
        List<RatingRow> ratings,
        List<DeflectionRow> deflections,
        List<ArticleRow> articlesAdded,
        long versionsSaved,
        List<PublishedRow> published,
        List<QueryRow> searches,
        Map<String, String> categoryNames) {

    /** A question asked in the period, with its clocks as stored (due times already moved by pauses). */
    record QuestionRow(
            long id,
            String kind,
            String severity,
            String category,
            String status,
            String tier,
            boolean escalated,
            boolean workingTime,
            Long assigneeId,
            String assigneeName,
            Instant replyDueAt,
            Instant resolveDueAt,
            Instant firstReplyAt,
            Instant resolvedAt,
            Instant createdAt) {}

    /** A STATUS event of one of those questions, in timeline order. */
    record StatusChange(String from, String to, Instant at) {}

    record EscalationRow(long questionId, String category, Long actorId, String detail, Instant at) {}

    record RatingRow(
            long questionId,
            String category,
            Long assigneeId,
            int attitude,
            int expertise,
            int timeliness,
            String comment,
            boolean flagged,
            Instant at) {}

    record DeflectionRow(String articleId, String articleTitle, String query, Instant at) {}

    record ArticleRow(String id, String type, String category, Instant at) {}

    /** An answer turned into a FAQ or case draft ({@code PUBLISHED} event). */
    record PublishedRow(long questionId, String type, String articleId, Instant at) {}

    /** A distinct logged query with how often it was searched and how often it found nothing. */
    record QueryRow(String query, long count, long zeroHits) {}
}
