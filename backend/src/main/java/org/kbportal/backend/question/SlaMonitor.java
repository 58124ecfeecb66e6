package org.kbportal.backend.question;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code kb.questions.sla-check-interval}: assigns questions waiting in a queue to experts who
 * have come on duty since ({@link Assigner#routeWaiting}), warns the assignee at 80 % of a clock, escalates at
 * its breach, and closes questions RESOLVED for {@code kb.questions.auto-close-days}. Each step first
 * sets its flag with a conditional UPDATE, in one transaction with its consequences, so with several
 * instances exactly one does it (and a failed step is retried on the next run).
 */
@Component
class SlaMonitor extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);
    /**
     * The reply clock runs until the first answer; the resolve clock until the expert's answer
     * (ANSWERED waits for the user's confirmation); both stand still while waiting for the user.
     */
    private static final EnumSet<QuestionStatus> REPLY_RUNNING = EnumSet.of(
            QuestionStatus.NEW, QuestionStatus.ASSIGNED, QuestionStatus.IN_PROGRESS, QuestionStatus.REOPENED);

    private static final EnumSet<QuestionStatus> RESOLVE_RUNNING = EnumSet.of(
            QuestionStatus.NEW, QuestionStatus.ASSIGNED, QuestionStatus.IN_PROGRESS, QuestionStatus.REOPENED);

    private final QuestionStore store;
    private final Assigner assigner;
    private final KbProperties props;
    private final TransactionalOperator tx;
    private final Clock clock;

    SlaMonitor(QuestionStore store, Assigner assigner, KbProperties props, TransactionalOperator tx, Clock clock) {
        super("SLA check");
        this.store = store;
        this.assigner = assigner;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    /** One pass over all clocks. */
    Mono<Void> checkOnce() {
        Instant now = clock.instant();
        QuestionRepository repo = store.repo();
        // questions waiting in a queue go to whoever has come on duty since (every tier)
        Mono<Void> route = assigner.routeWaiting(now).then();
        Flux<Void> replyWarn = repo.clockPassed("reply_warn_at", "reply_warned", REPLY_RUNNING, now)
                .filter(q -> q.firstReplyAt() == null)
                .concatMap(q -> warn(q, "reply_warned", "reply", q.clocks().replyDueAt(), now));
        Flux<Void> resolveWarn = repo.clockPassed("resolve_warn_at", "resolve_warned", RESOLVE_RUNNING, now)
                .concatMap(
                        q -> warn(q, "resolve_warned", "resolution", q.clocks().resolveDueAt(), now));
        Flux<Void> replyBreach = repo.clockPassed("reply_due_at", "reply_breached", REPLY_RUNNING, now)
                .filter(q -> q.firstReplyAt() == null)
                .concatMap(q -> breach(q, "reply_breached", "reply", now));
        Flux<Void> resolveBreach = repo.clockPassed("resolve_due_at", "resolve_breached", RESOLVE_RUNNING, now)
                .concatMap(q -> breach(q, "resolve_breached", "resolution", now));
        Flux<Void> close = repo.resolvedBefore(
                        now.minus(Duration.ofDays(props.questions().autoCloseDays())))
                .concatMap(q -> autoClose(q, now));
        return route.thenMany(replyWarn)
                .thenMany(resolveWarn)
                .thenMany(replyBreach)
                .thenMany(resolveBreach)
                .thenMany(close)
                .then();
    }

    private Mono<Void> warn(Question q, String flag, String clock, Instant due, Instant now) {
        String detail = clock + " due at " + due;
        return store.repo()
                .raiseFlag(q.id(), flag)
                .filter(Boolean::booleanValue)
                .flatMap(ok -> store.event(q, "SLA_WARNING", null, null, null, detail, now)
                        .then(
                                q.assigneeId() == null
                                        ? store.tellAdmins("WARNING", q, detail)
                                        : store.tell(q.assigneeId(), "WARNING", q, detail)))
                .as(tx::transactional)
                .onErrorResume(e -> skip(q, e));
    }

    private Mono<Void> breach(Question q, String flag, String clock, Instant now) {
        String detail = clock + " time exceeded";
        return store.repo()
                .raiseFlag(q.id(), flag)
                .filter(Boolean::booleanValue)
                .flatMap(ok -> store.find(q.id()))
                .flatMap(fresh -> store.event(fresh, "SLA_BREACH", null, null, null, detail, now)
                        .then(
                                fresh.tier().next() == null
                                        ? store.tellAdmins("ESCALATED", fresh, detail + " at L3")
                                        : assigner.escalate(fresh, null, detail, now)
                                                .then()))
                .as(tx::transactional)
                .onErrorResume(e -> skip(q, e));
    }

    private Mono<Void> autoClose(Question q, Instant now) {
        Question next = q.toBuilder()
                .status(q.status().check(QuestionStatus.CLOSED))
                .closedAt(now)
                .pausedSince(null)
                .build();
        return store.save(q, next, false, now)
                .flatMap(s -> store.event(s, "STATUS", null, q.status(), s.status(), "closed automatically", now)
                        .then(store.tell(s.askerId(), "STATUS", s, null)))
                .as(tx::transactional)
                .onErrorResume(e -> skip(q, e));
    }

    private static Mono<Void> skip(Question q, Throwable e) {
        // another instance or a user changed it meanwhile: the next run looks again
        log.debug("SLA step for question {} skipped: {}", q.id(), e.toString());
        return Mono.empty();
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(props.questions().slaCheckInterval());
    }

    @Override
    protected Mono<?> runOnce() {
        return checkOnce();
    }
}
