package org.kbportal.ui.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The parts of the backend's service report ({@code GET /api/reports/service}) the dashboard shows. */
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

    public record Period(LocalDate from, LocalDate to, String zone, String category, String categoryName) {}

    public record Questions(
            long total,
            Map<String, Long> byKind,
            Map<String, Long> bySeverity,
            Map<String, Long> byTier,
            Map<String, Long> byCategory) {}

    public record Rate(long met, long missed, long pending, Double percent) {}

    public record Compliance(Rate overall, Map<String, Rate> byCategory) {}

    public record Durations(long count, Double mean, Double median, Double p90) {}

    public record Escalations(long total, long automatic, long manual, List<Count> reasons) {}

    public record Count(String key, String label, long count) {}

    public record Satisfaction(long count, Double overallMean, List<Comment> comments) {}

    public record Comment(long questionId, int attitude, int expertise, int timeliness, String comment) {}

    public record Complaints(long count, long reopened) {}

    public record ExpertRow(
            String name,
            long assigned,
            long resolved,
            long open,
            Double replySlaPercent,
            Double resolveSlaPercent,
            Double meanFirstReplyMinutes,
            Double meanRating) {}

    public record Deflections(long total) {}

    public record Knowledge(long articlesAdded, long versionsSaved, long publishedFaq, long publishedCase) {}

    public record Searches(long total, long zeroHit, List<Count> top) {}

    public record QueryCluster(String label, long count, List<String> variants) {}
}
