package org.kbportal.backend.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.kbportal.backend.account.AccountService;
import org.kbportal.backend.account.Role;
import org.kbportal.backend.notify.MailAttachment;
import org.kbportal.backend.notify.Notifier;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * From the first day of each month on, e-mails the previous month's PDF report to the admins (or
 * {@code kb.reports.monthly-mail.recipients}) through the mail outbox, when {@code
 * kb.reports.monthly-mail.enabled}. Every instance checks every {@code check-interval}; the run is
 * claimed by inserting the {@code report_run} row keyed by month in the same transaction as the
 * e-mails, so with several instances (or after a restart) exactly one set of e-mails is queued.
 */
@Component
class MonthlyReportMailer extends PeriodicJob {

    static final String KIND = "MONTHLY_REPORT";
    private static final Logger log = LoggerFactory.getLogger(MonthlyReportMailer.class);

    private final ReportService reports;
    private final ReportRepository repo;
    private final AccountService accounts;
    private final Notifier notifier;
    private final KbProperties props;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final String instance = "report-" + UUID.randomUUID();

    MonthlyReportMailer(
            ReportService reports,
            ReportRepository repo,
            AccountService accounts,
            Notifier notifier,
            KbProperties props,
            TransactionalOperator tx,
            Clock clock) {
        super("Monthly report mail");
        this.reports = reports;
        this.repo = repo;
        this.accounts = accounts;
        this.notifier = notifier;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Queues last month's report unless some instance already did: true when this call queued it.
     * The PDF is built before the claim (outside the transaction); the loser just drops it.
     */
    @Override
    protected Mono<Boolean> runOnce() {
        YearMonth month = reports.lastMonth();
        String period = month.toString();
        return repo.hasRun(KIND, period)
                .flatMap(done -> done
                        ? Mono.just(false)
                        : recipients()
                                .flatMap(to -> to.isEmpty()
                                        ? Mono.just(false)
                                        : reports.report(month.atDay(1), month.atEndOfMonth(), null)
                                                .map(reports::pdfExport)
                                                .flatMap(pdf -> queue(period, to, pdf))));
    }

    private Mono<Boolean> queue(String period, List<String> to, ReportService.Export pdf) {
        Instant now = clock.instant();
        String subject = "月度服务总结报告 " + period + " (Monthly service report)";
        String body =
                "附件为 " + period + " 的月度服务总结报告（PDF）。\n" + "Attached: the service report for " + period + " (PDF).\n";
        List<MailAttachment> files = List.of(new MailAttachment(pdf.filename(), pdf.contentType(), pdf.data()));
        return repo.claimRun(KIND, period, instance, to.size(), now)
                .flatMap(won -> won
                        ? Flux.fromIterable(to)
                                .concatMap(addr -> notifier.mail(addr, subject, body, KIND, files))
                                .then(Mono.just(true))
                        : Mono.just(false))
                .as(tx::transactional)
                // the losing instance's INSERT hits the key; PostgreSQL then refuses the whole commit:
                // whatever failed, a run recorded by someone else means this one lost the race
                .onErrorResume(e -> repo.hasRun(KIND, period).flatMap(done -> done ? Mono.just(false) : Mono.error(e)))
                .doOnNext(won -> {
                    if (won) {
                        log.info("Monthly report {} queued for {} recipient(s)", period, to.size());
                    }
                });
    }

    private Mono<List<String>> recipients() {
        List<String> configured = props.reports().monthlyMail().recipients();
        if (configured != null && !configured.isEmpty()) {
            return Mono.just(configured.stream()
                    .filter(s -> s != null && !s.isBlank())
                    .map(String::strip)
                    .distinct()
                    .toList());
        }
        return accounts.all()
                .filter(u -> u.enabled()
                        && u.roles().contains(Role.ADMIN)
                        && u.email() != null
                        && !u.email().isBlank())
                .map(u -> u.email())
                .distinct()
                .collectList();
    }

    @Override
    protected Schedule schedule() {
        KbProperties.MonthlyMail m =
                props.reports() == null ? null : props.reports().monthlyMail();
        return m == null || !m.enabled()
                ? Schedule.IDLE
                : Schedule.every(m.checkInterval()).after(Duration.ofSeconds(5));
    }
}
