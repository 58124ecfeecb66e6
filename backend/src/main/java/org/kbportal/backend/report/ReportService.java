package org.kbportal.backend.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kbportal.backend.article.CategoryService;
import org.kbportal.backend.sla.SlaService;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.report.ServiceReport;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The service report (月度服务总结报告) of any date range, per category or overall, and its exports
 * and charts. Dates are in {@code kb.questions.zone}; {@code to} is inclusive. What counts is
 * described on {@link ReportBuilder}.
 */
@Service
public class ReportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportService.class);

    /** An export: bytes, content type and file name. */
    public record Export(byte[] data, String contentType, String filename) {}

    private final ReportRepository repo;
    private final SlaService sla;
    private final CategoryService categories;
    private final ReportCharts charts;
    private final ReportPdf pdf;
    private final KbProperties props;
    private final Clock clock;

    ReportService(
            ReportRepository repo,
            SlaService sla,
            CategoryService categories,
            ReportCharts charts,
            ReportPdf pdf,
            KbProperties props,
            Clock clock) {
        this.repo = repo;
        this.sla = sla;
        this.categories = categories;
        this.charts = charts;
        this.pdf = pdf;
        this.props = props;
        this.clock = clock;
    }

    /** The calendar month before the one {@code now} is in (in the configured zone). */
    public YearMonth lastMonth() {
        return YearMonth.from(clock.instant().atZone(zone())).minusMonths(1);
    }

    /**
     * A dashboard asks for the report and its four charts at once: the same period is computed once
     * and reused for {@link #CACHE_TTL}.
     */
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(30);

    private record Key(LocalDate from, LocalDate to, String category) {}

    private final java.util.Map<Key, Mono<ServiceReport>> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public Mono<ServiceReport> report(LocalDate from, LocalDate to, String category) {
        LocalDate f = from != null ? from : lastMonth().atDay(1);
        LocalDate t = to != null ? to : (from != null ? f : lastMonth().atEndOfMonth());
        if (t.isBefore(f)) {
            return Mono.error(
                    KbException.badRequest("invalid-period", "'to' (" + t + ") is before 'from' (" + f + ")."));
        }
        int max = props.reports() == null ? 400 : props.reports().maxDays();
        if (ChronoUnit.DAYS.between(f, t) + 1 > max) {
            return Mono.error(KbException.badRequest("invalid-period", "A report covers at most " + max + " days."));
        }
        String cat = category == null || category.isBlank() ? null : category.strip();
        Mono<String> checked =
                cat == null ? Mono.just("") : categories.resolve(cat).map(c -> c.code());
        ZoneId zone = zone();
        Instant start = f.atStartOfDay(zone).toInstant();
        Instant end = t.plusDays(1).atStartOfDay(zone).toInstant();
        return checked.flatMap(code -> {
            String c = code.isEmpty() ? null : code;
            if (cache.size() > 64) {
                cache.clear();
            }
            return cache.computeIfAbsent(
                    new Key(f, t, c),
                    k -> Mono.defer(() -> {
                                Instant now = clock.instant();
                                long t0 = System.nanoTime();
                                return Mono.zip(repo.load(start, end, c), sla.calculator())
                                        .publishOn(Schedulers.boundedElastic())
                                        .map(x -> {
                                            long t1 = System.nanoTime();
                                            ServiceReport r =
                                                    new ReportBuilder(x.getT2(), zone, now).build(f, t, c, x.getT1());
                                            log.debug(
                                                    "Report {}..{} {}: {} questions read in {} ms, computed in {} ms",
                                                    f,
                                                    t,
                                                    c == null ? "" : c,
                                                    r.questions().total(),
                                                    (t1 - t0) / 1_000_000,
                                                    (System.nanoTime() - t1) / 1_000_000);
                                            return r;
                                        });
                            })
                            .cache(r -> CACHE_TTL, e -> java.time.Duration.ZERO, () -> java.time.Duration.ZERO));
        });
    }

    public Mono<Export> export(LocalDate from, LocalDate to, String category, String format) {
        String fmt = format == null ? "" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("xlsx") && !fmt.equals("pdf")) {
            return Mono.error(KbException.badRequest("invalid-format", "Export as json, csv, xlsx or pdf."));
        }
        return report(from, to, category).publishOn(Schedulers.boundedElastic()).map(r -> {
            long t0 = System.nanoTime();
            Export e = switch (fmt) {
                case "csv" -> new Export(ReportCsv.write(r), "text/csv;charset=UTF-8", filename(r, "csv"));
                case "xlsx" ->
                    new Export(
                            ReportXlsx.write(r, allCharts(r)),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            filename(r, "xlsx"));
                default -> pdfExport(r);
            };
            log.debug("Report export {} rendered in {} ms", fmt, (System.nanoTime() - t0) / 1_000_000);
            return e;
        });
    }

    /** The PDF of a report already computed. */
    Export pdfExport(ServiceReport r) {
        return new Export(pdf.write(r, allCharts(r)), "application/pdf", filename(r, "pdf"));
    }

    /** A chart as PNG; {@code lang} ({@code zh}, {@code en}) for its texts, none: Chinese with the English in brackets. */
    public Mono<byte[]> chart(String name, LocalDate from, LocalDate to, String category, String lang) {
        if (!ReportCharts.NAMES.contains(name)) {
            return Mono.error(KbException.notFound(
                    "chart-not-found", "No chart '" + name + "'; charts: " + ReportCharts.NAMES + "."));
        }
        ReportCharts.Lang texts;
        try {
            texts = ReportCharts.Lang.of(lang);
        } catch (KbException e) {
            return Mono.error(e);
        }
        return report(from, to, category).publishOn(Schedulers.boundedElastic()).map(r -> charts.png(name, r, texts));
    }

    private Map<String, byte[]> allCharts(ServiceReport r) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String n : ReportCharts.NAMES) {
            out.put(n, charts.png(n, r));
        }
        return out;
    }

    static String filename(ServiceReport r, String ext) {
        return "service-report-" + r.period().from() + "_" + r.period().to()
                + (r.period().category() == null ? "" : "-" + r.period().category()) + "." + ext;
    }

    ZoneId zone() {
        return props.questions().zone();
    }
}
