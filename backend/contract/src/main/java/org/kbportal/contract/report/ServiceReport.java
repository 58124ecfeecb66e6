package org.kbportal.contract.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The service report of a period (月度服务总结报告), as the API returns it and the exports print it.
 * How each figure is counted is documented in README.md ("Service report") and on {@link ReportBuilder}.
 */
public record ServiceReport(
        Period period,
        Questions questions,
        Compliance replySlaCompliance,
        Compliance resolveSlaCompliance,
        Durations firstReplyMinutes,
        Durations resolutionMinutes,
        Rate resolutionRate,
        Escalations escalations,
        Satisfaction satisfaction,
        Complaints complaints,
        List<ExpertRow> experts,
        Deflections deflections,
        Knowledge knowledge,
        Searches searches,
        List<QueryCluster> zeroResultQueries,
        Map<String, String> categoryNames) {

    /** {@code from} and {@code to} inclusive, dates in {@code zone}; {@code category} null = all. */
    public record Period(
            LocalDate from, LocalDate to, String zone, String category, String categoryName, Instant generatedAt) {}

    /** Questions asked in the period. */
    public record Questions(
            long total,
            Map<String, Long> byKind,
            Map<String, Long> bySeverity,
            Map<String, Long> byTier,
            Map<String, Long> byCategory,
            Map<String, Long> byStatus,
            List<DayCount> perDay) {}

    public record DayCount(LocalDate date, long count) {}

    /**
     * Met and missed clocks, and those still running (not counted in the percentage); percent is null
     * when nothing is decided.
     */
    public record Rate(long met, long missed, long pending, Double percent) {}

    public record Compliance(Rate overall, Map<String, Rate> byCategory) {}

    /** Minutes of the SLA clock: working minutes for working-time policies, pauses left out. */
    public record Durations(long count, Double mean, Double median, Double p90) {}

    public record Escalations(
            long total, long automatic, long manual, long slaBreaches, Map<String, Long> byTier, List<Count> reasons) {}

    public record Count(String key, String label, long count) {}

    public record Satisfaction(
            long count,
            Dimension attitude,
            Dimension expertise,
            Dimension timeliness,
            Double overallMean,
            List<Comment> comments) {}

    /** Mean score and how many ratings gave 1, 2, 3, 4 and 5. */
    public record Dimension(Double mean, List<Long> distribution) {}

    public record Comment(
            long questionId,
            String category,
            int attitude,
            int expertise,
            int timeliness,
            String comment,
            Instant at) {}

    /** Low ratings (a score of 1 or 2, flagged for the admins) and reopened questions. */
    public record Complaints(long count, long reopened, List<Comment> items) {}

    /** Workload and performance of one expert over the questions assigned to them (now). */
    public record ExpertRow(
            Long expertId,
            String name,
            long assigned,
            long resolved,
            long open,
            Double replySlaPercent,
            Double resolveSlaPercent,
            Double meanFirstReplyMinutes,
            Double meanRating,
            long ratings) {}

    public record Deflections(long total, List<Count> topArticles) {}

    public record Knowledge(
            long articlesAdded,
            Map<String, Long> articlesByType,
            long versionsSaved,
            long publishedFaq,
            long publishedCase) {}

    public record Searches(long total, long zeroHit, Double zeroHitPercent, List<Count> top) {}

    /** Zero-hit searches that say the same thing in different words. */
    public record QueryCluster(String label, long count, List<String> variants) {}
}
