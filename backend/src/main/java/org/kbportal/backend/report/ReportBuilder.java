package org.kbportal.backend.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kbportal.backend.sla.SlaCalculator;
import org.kbportal.contract.report.ServiceReport;

/**
 * Computes a {@link ServiceReport} from the period's rows, free of I/O. What counts:
 *
 * <ul>
 *   <li>Questions, SLA compliance, reply and resolution times, the resolution rate and the experts'
 *       figures are over the questions <em>asked</em> in the period (a cohort), judged as known at
 *       {@code now}.
 *   <li>Reply SLA: met when the first reply (answer or request for information) came at or before the
 *       stored reply due time, missed when it came later or has not come and the due time has passed,
 *       pending otherwise (left out of the percentage).
 *   <li>Resolution SLA: the clock stops at the expert's answer that the asker then confirmed (the last
 *       change to ANSWERED of a question now ANSWERED, RESOLVED or CLOSED), as the SLA monitor stops
 *       it; met when that answer came at or before the stored resolve due time (which the pauses while
 *       waiting for the user have moved on), missed when it came later or the due time has passed
 *       without one, pending otherwise.
 *   <li>Times are minutes of the question's own clock: working minutes of the business calendar
 *       (hours, holidays, make-up days) for working-time policies, wall-clock minutes otherwise;
 *       waiting for the user is left out of the resolution time. Median of an even count is the mean
 *       of the two middle values; p90 is the nearest-rank 90th percentile.
 *   <li>Resolution rate: questions now RESOLVED or CLOSED over all questions asked in the period.
 *   <li>Escalations, SLA breaches, reopenings, ratings, complaints, deflections, articles, FAQ/case
 *       drafts and searches are the events that <em>happened</em> in the period.
 * </ul>
 */
final class ReportBuilder {

    private static final Set<String> ANSWER_HELD = Set.of("ANSWERED", "RESOLVED", "CLOSED");
    private static final Set<String> DONE = Set.of("RESOLVED", "CLOSED");
    private static final int TOP = 20;
    /** Comments and complaints listed (the most recent); the counts are over all of them. */
    static final int MAX_LISTED = 100;

    private final SlaCalculator calc;
    private final ZoneId zone;
    private final Instant now;

    ReportBuilder(SlaCalculator calc, ZoneId zone, Instant now) {
        this.calc = calc;
        this.zone = zone;
        this.now = now;
    }

    ServiceReport build(LocalDate from, LocalDate to, String category, ReportData d) {
        Map<String, String> names = d.categoryNames();
        List<Judged> judged = d.questions().stream()
                .map(q -> judge(q, d.statusChanges().getOrDefault(q.id(), List.of())))
                .toList();
        return new ServiceReport(
                new ServiceReport.Period(
                        from, to, zone.getId(), category, category == null ? null : names.get(category), now),
                questions(d.questions(), from, to),
                compliance(judged, j -> j.reply),
                compliance(judged, j -> j.resolve),
                durations(judged.stream()
                        .filter(j -> j.firstReplyMinutes != null)
                        .map(j -> j.firstReplyMinutes)
                        .toList()),
                durations(judged.stream()
                        .filter(j -> j.resolutionMinutes != null)
                        .map(j -> j.resolutionMinutes)
                        .toList()),
                resolutionRate(d.questions()),
                escalations(d.escalations(), d.slaBreaches()),
                satisfaction(d.ratings()),
                complaints(d.ratings(), d.reopened()),
                experts(judged, d.ratings()),
                deflections(d.deflections()),
                knowledge(d.articlesAdded(), d.versionsSaved(), d.published()),
                searches(d.searches()),
                QueryClusters.cluster(
                        d.searches().stream()
                                .filter(s -> s.zeroHits() > 0)
                                .map(s -> new QueryClusters.Searched(s.query(), s.zeroHits()))
                                .toList(),
                        TOP),
                names);
    }

    enum Outcome {
        MET,
        MISSED,
        PENDING
    }

    /** One question's clocks, judged. */
    record Judged(
            ReportData.QuestionRow q,
            Outcome reply,
            Outcome resolve,
            Double firstReplyMinutes,
            Double resolutionMinutes) {}

    Judged judge(ReportData.QuestionRow q, List<ReportData.StatusChange> changes) {
        Outcome reply;
        Double replyMinutes = null;
        if (q.firstReplyAt() != null) {
            reply = q.firstReplyAt().isAfter(q.replyDueAt()) ? Outcome.MISSED : Outcome.MET;
            replyMinutes = minutes(calc.counted(q.createdAt(), q.firstReplyAt(), q.workingTime()));
        } else {
            reply = q.replyDueAt().isBefore(now) ? Outcome.MISSED : Outcome.PENDING;
        }
        Instant answered = null;
        if (ANSWER_HELD.contains(q.status())) {
            for (ReportData.StatusChange c : changes) {
                if ("ANSWERED".equals(c.to())) {
                    answered = c.at();
                }
            }
        }
        Outcome resolve;
        Double resolveMinutes = null;
        if (answered != null) {
            resolve = answered.isAfter(q.resolveDueAt()) ? Outcome.MISSED : Outcome.MET;
            Duration total = calc.counted(q.createdAt(), answered, q.workingTime());
            resolveMinutes = minutes(total.minus(paused(changes, answered, q.workingTime())));
        } else {
            resolve = q.resolveDueAt().isBefore(now) ? Outcome.MISSED : Outcome.PENDING;
        }
        return new Judged(q, reply, resolve, replyMinutes, resolveMinutes);
    }

    /** Time spent waiting for the user (WAITING_FOR_USER) before {@code until}, as the clock counts. */
    private Duration paused(List<ReportData.StatusChange> changes, Instant until, boolean workingTime) {
        Duration total = Duration.ZERO;
        Instant since = null;
        for (ReportData.StatusChange c : changes) {
            if (c.at().isAfter(until)) {
                break;
            }
            if ("WAITING_FOR_USER".equals(c.to()) && since == null) {
                since = c.at();
            } else if ("WAITING_FOR_USER".equals(c.from()) && since != null) {
                total = total.plus(calc.counted(since, c.at(), workingTime));
                since = null;
            }
        }
        return total;
    }

    private static double minutes(Duration d) {
        return d.toSeconds() / 60.0;
    }

    private ServiceReport.Questions questions(List<ReportData.QuestionRow> qs, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            perDay.put(day, 0L);
        }
        for (ReportData.QuestionRow q : qs) {
            perDay.merge(q.createdAt().atZone(zone).toLocalDate(), 1L, Long::sum);
        }
        return new ServiceReport.Questions(
                qs.size(),
                count(qs, ReportData.QuestionRow::kind),
                count(qs, ReportData.QuestionRow::severity),
                count(qs, ReportData.QuestionRow::tier),
                count(qs, ReportData.QuestionRow::category),
                count(qs, ReportData.QuestionRow::status),
                perDay.entrySet().stream()
                        .map(e -> new ServiceReport.DayCount(e.getKey(), e.getValue()))
                        .toList());
    }

    private static <T> Map<String, Long> count(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static ServiceReport.Compliance compliance(List<Judged> judged, Function<Judged, Outcome> outcome) {
        Map<String, List<Judged>> byCategory = judged.stream()
                .collect(Collectors.groupingBy(j -> j.q().category(), TreeMap::new, Collectors.toList()));
        Map<String, ServiceReport.Rate> per = new LinkedHashMap<>();
        byCategory.forEach((c, l) -> per.put(c, rate(l, outcome)));
        return new ServiceReport.Compliance(rate(judged, outcome), per);
    }

    static ServiceReport.Rate rate(List<Judged> judged, Function<Judged, Outcome> outcome) {
        long met = judged.stream().filter(j -> outcome.apply(j) == Outcome.MET).count();
        long missed =
                judged.stream().filter(j -> outcome.apply(j) == Outcome.MISSED).count();
        long pending = judged.size() - met - missed;
        return new ServiceReport.Rate(met, missed, pending, percent(met, met + missed));
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : round1(100.0 * part / whole);
    }

    static Double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static ServiceReport.Durations durations(List<Double> values) {
        if (values.isEmpty()) {
            return new ServiceReport.Durations(0, null, null, null);
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Comparator.naturalOrder());
        int n = v.size();
        double mean = v.stream().mapToDouble(Double::doubleValue).sum() / n;
        double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        double p90 = v.get((int) Math.ceil(0.9 * n) - 1);
        return new ServiceReport.Durations(n, round1(mean), round1(median), round1(p90));
    }

    private static ServiceReport.Rate resolutionRate(List<ReportData.QuestionRow> qs) {
        long done = qs.stream().filter(q -> DONE.contains(q.status())).count();
        return new ServiceReport.Rate(done, qs.size() - done, 0, percent(done, qs.size()));
    }

    private static ServiceReport.Escalations escalations(List<ReportData.EscalationRow> rows, long breaches) {
        long automatic = rows.stream().filter(r -> r.actorId() == null).count();
        Map<String, Long> byTier = new TreeMap<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (ReportData.EscalationRow r : rows) {
            Escalation e = Escalation.parse(r.detail());
            byTier.merge(e.tier(), 1L, Long::sum);
            reasons.merge(e.reason(), 1L, Long::sum);
        }
        List<ServiceReport.Count> reasonList = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new ServiceReport.Count(e.getKey(), Escalation.label(e.getKey()), e.getValue()))
                .toList();
        return new ServiceReport.Escalations(
                rows.size(), automatic, rows.size() - automatic, breaches, byTier, reasonList);
    }

    private static ServiceReport.Satisfaction satisfaction(List<ReportData.RatingRow> ratings) {
        ServiceReport.Dimension a = dimension(ratings, ReportData.RatingRow::attitude);
        ServiceReport.Dimension e = dimension(ratings, ReportData.RatingRow::expertise);
        ServiceReport.Dimension t = dimension(ratings, ReportData.RatingRow::timeliness);
        Double overall = ratings.isEmpty()
                ? null
                : round2(ratings.stream()
                                .mapToDouble(r -> r.attitude() + r.expertise() + r.timeliness())
                                .sum()
                        / (3.0 * ratings.size()));
        List<ServiceReport.Comment> comments = latest(ratings.stream()
                .filter(r -> r.comment() != null && !r.comment().isBlank())
                .toList());
        return new ServiceReport.Satisfaction(ratings.size(), a, e, t, overall, comments);
    }

    private static ServiceReport.Dimension dimension(
            List<ReportData.RatingRow> ratings, java.util.function.ToIntFunction<ReportData.RatingRow> score) {
        List<Long> dist = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
        for (ReportData.RatingRow r : ratings) {
            int s = score.applyAsInt(r);
            dist.set(s - 1, dist.get(s - 1) + 1);
        }
        Double mean = ratings.isEmpty()
                ? null
                : round2(ratings.stream().mapToInt(score).sum() / (double) ratings.size());
        return new ServiceReport.Dimension(mean, dist);
    }

    static Double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The {@link #MAX_LISTED} most recent, newest last (ratings come ordered by time). */
    private static List<ServiceReport.Comment> latest(List<ReportData.RatingRow> rows) {
        return rows.subList(Math.max(0, rows.size() - MAX_LISTED), rows.size()).stream()
                .map(ReportBuilder::comment)
                .toList();
    }

    private static ServiceReport.Comment comment(ReportData.RatingRow r) {
        return new ServiceReport.Comment(
                r.questionId(), r.category(), r.attitude(), r.expertise(), r.timeliness(), r.comment(), r.at());
    }

    private static ServiceReport.Complaints complaints(List<ReportData.RatingRow> ratings, long reopened) {
        List<ReportData.RatingRow> low =
                ratings.stream().filter(ReportData.RatingRow::flagged).toList();
        return new ServiceReport.Complaints(low.size(), reopened, latest(low));
    }

    private static List<ServiceReport.ExpertRow> experts(List<Judged> judged, List<ReportData.RatingRow> ratings) {
        Map<Long, List<Judged>> byExpert = judged.stream()
                .filter(j -> j.q().assigneeId() != null)
                .collect(Collectors.groupingBy(j -> j.q().assigneeId(), TreeMap::new, Collectors.toList()));
        Map<Long, List<ReportData.RatingRow>> ratingsBy = ratings.stream()
                .filter(r -> r.assigneeId() != null)
                .collect(Collectors.groupingBy(ReportData.RatingRow::assigneeId));
        List<ServiceReport.ExpertRow> rows = new ArrayList<>();
        byExpert.forEach((id, l) -> {
            long resolved =
                    l.stream().filter(j -> DONE.contains(j.q().status())).count();
            long open = l.stream()
                    .filter(j -> !ANSWER_HELD.contains(j.q().status()))
                    .count();
            List<Double> replies = l.stream()
                    .filter(j -> j.firstReplyMinutes() != null)
                    .map(Judged::firstReplyMinutes)
                    .toList();
            List<ReportData.RatingRow> rs = ratingsBy.getOrDefault(id, List.of());
            rows.add(new ServiceReport.ExpertRow(
                    id,
                    l.get(0).q().assigneeName(),
                    l.size(),
                    resolved,
                    open,
                    rate(l, Judged::reply).percent(),
                    rate(l, Judged::resolve).percent(),
                    durations(replies).mean(),
                    rs.isEmpty()
                            ? null
                            : round2(rs.stream()
                                            .mapToDouble(r -> r.attitude() + r.expertise() + r.timeliness())
                                            .sum()
                                    / (3.0 * rs.size())),
                    rs.size()));
        });
        rows.sort(Comparator.comparingLong(ServiceReport.ExpertRow::assigned)
                .reversed()
                .thenComparing(r -> r.name() == null ? "" : r.name()));
        return rows;
    }

    private static ServiceReport.Deflections deflections(List<ReportData.DeflectionRow> rows) {
        Map<String, Long> byArticle = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (ReportData.DeflectionRow r : rows) {
            if (r.articleId() != null) {
                byArticle.merge(r.articleId(), 1L, Long::sum);
                titles.putIfAbsent(r.articleId(), r.articleTitle());
            }
        }
        return new ServiceReport.Deflections(rows.size(), top(byArticle, titles));
    }

    private static ServiceReport.Knowledge knowledge(
            List<ReportData.ArticleRow> added, long versions, List<ReportData.PublishedRow> published) {
        return new ServiceReport.Knowledge(
                added.size(),
                count(added, a -> a.type().toUpperCase(java.util.Locale.ROOT)),
                versions,
                published.stream().filter(p -> p.type().equals("FAQ")).count(),
                published.stream().filter(p -> p.type().equals("CASE")).count());
    }

    private static ServiceReport.Searches searches(List<ReportData.QueryRow> rows) {
        long total = rows.stream().mapToLong(ReportData.QueryRow::count).sum();
        long zero = rows.stream().mapToLong(ReportData.QueryRow::zeroHits).sum();
        // the same words typed differently are one line: grouped by their normalised form
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Long> best = new LinkedHashMap<>();
        for (ReportData.QueryRow r : rows) {
            String norm = QueryClusters.key(r.query());
            if (norm.isEmpty()) {
                continue;
            }
            counts.merge(norm, r.count(), Long::sum);
            if (r.count() > best.getOrDefault(norm, 0L)
                    || (r.count() == best.getOrDefault(norm, 0L) && r.query().compareTo(labels.get(norm)) < 0)) {
                best.put(norm, r.count());
                labels.put(norm, r.query().strip());
            }
        }
        return new ServiceReport.Searches(total, zero, percent(zero, total), top(counts, labels));
    }

    private static List<ServiceReport.Count> top(Map<String, Long> counts, Map<String, String> labels) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> new ServiceReport.Count(e.getKey(), labels.get(e.getKey()), e.getValue()))
                .toList();
    }
}
