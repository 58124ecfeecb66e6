package org.kbportal.backend.question;

import java.time.Clock;
import java.time.Instant;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.backend.duty.DutyService;
import org.kbportal.backend.system.KbException;
import org.kbportal.contract.question.QuestionDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What happens to a question besides the conversation: start, resolve, reopen, rate, escalate,
 * claim and hand over. Each is a guarded status change ({@link QuestionStatus#check}) written with
 * the question's version, so a concurrent change makes it fail with 409 instead of being lost.
 */
@Service
public class QuestionActions {

    private final QuestionStore store;
    private final QuestionRepository repo;
    private final QuestionAccess access;
    private final Assigner assigner;
    private final DutyService duty;
    private final TransactionalOperator tx;
    private final Clock clock;

    QuestionActions(
            QuestionStore store,
            QuestionAccess access,
            Assigner assigner,
            DutyService duty,
            TransactionalOperator tx,
            Clock clock) {
        this.store = store;
        this.repo = store.repo();
        this.access = access;
        this.assigner = assigner;
        this.duty = duty;
        this.tx = tx;
        this.clock = clock;
    }

    /** The assignee starts working on it. */
    public Mono<QuestionDetail> start(KbPrincipal who, long id) {
        Instant now = clock.instant();
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (!QuestionPolicy.mayStart(c, q)) {
                        return Mono.error(
                                QuestionAccess.forbidden("Only the assignee can start work on question " + id + "."));
                    }
                    Question next = q.with(q.status().check(QuestionStatus.IN_PROGRESS));
                    return store.save(q, next, false, now)
                            .flatMap(s -> store.statusEvent(q, s, c.id(), now).thenReturn(s));
                }))
                .as(tx::transactional)
                .flatMap(q -> store.detail(q, access.caller(who)));
    }

    public Mono<QuestionDetail> resolve(KbPrincipal who, long id) {
        Instant now = clock.instant();
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (!QuestionPolicy.mayResolve(c, q)) {
                        return Mono.error(
                                QuestionAccess.forbidden("Only the asker, the assignee or an admin can resolve it."));
                    }
                    Question next = q.toBuilder()
                            .status(q.status().check(QuestionStatus.RESOLVED))
                            .resolvedAt(now)
                            .closedAt(null)
                            .pausedSince(null)
                            .build();
                    return store.save(q, next, false, now)
                            .flatMap(s -> store.statusEvent(q, s, c.id(), now)
                                    .then(
                                            s.askerId() == c.id()
                                                    ? Mono.empty()
                                                    : store.tell(s.askerId(), "STATUS", s, null))
                                    .then(
                                            s.assigneeId() == null || s.assigneeId() == c.id()
                                                    ? Mono.empty()
                                                    : store.tellInPortal(s.assigneeId(), "STATUS", s, null))
                                    .thenReturn(s));
                }))
                .as(tx::transactional)
                .flatMap(q -> store.detail(q, access.caller(who)));
    }

    public Mono<QuestionDetail> reopen(KbPrincipal who, long id, String reason) {
        Instant now = clock.instant();
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (!QuestionPolicy.mayReopen(c, q)) {
                        return Mono.error(QuestionAccess.forbidden("Only the asker or an admin can reopen it."));
                    }
                    Question next = q.toBuilder()
                            .status(q.status().check(QuestionStatus.REOPENED))
                            .resolvedAt(null)
                            .closedAt(null)
                            .pausedSince(null)
                            .build();
                    return store.save(q, next, false, now)
                            .flatMap(s -> store.event(s, "STATUS", c.id(), q.status(), s.status(), reason, now)
                                    .then(
                                            s.assigneeId() == null
                                                    ? Mono.empty()
                                                    : store.tell(s.assigneeId(), "STATUS", s, reason))
                                    .thenReturn(s));
                }))
                .as(tx::transactional)
                .flatMap(q -> store.detail(q, access.caller(who)));
    }

    public Mono<QuestionDetail> rate(KbPrincipal who, long id, QuestionDetail.Rating r) {
        Instant now = clock.instant();
        boolean flagged = Math.min(r.attitude(), Math.min(r.expertise(), r.timeliness())) <= 2;
        QuestionDetail.Rating rating =
                new QuestionDetail.Rating(r.attitude(), r.expertise(), r.timeliness(), r.comment(), flagged, now);
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (!QuestionPolicy.mayRate(c, q)) {
                        return Mono.error(QuestionAccess.forbidden("Only the asker can rate question " + id + "."));
                    }
                    if (!q.status().isFinished()) {
                        return Mono.error(QuestionStatus.illegal(
                                "Question " + id + " is " + q.status() + "; rate it once it is resolved."));
                    }
                    return repo.rating(q.id())
                            .flatMap(x -> Mono.<Question>error(
                                    KbException.conflict("already-rated", "Question " + id + " is already rated.")))
                            .switchIfEmpty(Mono.defer(() -> repo.rating(q.id(), rating, c.id(), now)
                                    .then(store.event(
                                            q,
                                            "RATED",
                                            c.id(),
                                            null,
                                            null,
                                            r.attitude() + "/" + r.expertise() + "/" + r.timeliness()
                                                    + (flagged ? " (flagged)" : ""),
                                            now))
                                    .then(flagged ? store.tellAdmins("LOW_RATING", q, r.comment()) : Mono.empty())
                                    .thenReturn(q)));
                }))
                .as(tx::transactional)
                .flatMap(q -> store.detail(q, access.caller(who)));
    }

    public Mono<QuestionDetail> escalate(KbPrincipal who, long id, String reason) {
        Instant now = clock.instant();
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (!QuestionPolicy.mayReassign(c, q)) {
                        return Mono.error(QuestionAccess.forbidden(
                                "Only the assignee or an admin can escalate question " + id + "."));
                    }
                    return assigner.escalate(q, c.id(), reason, now);
                }))
                .as(tx::transactional)
                .flatMap(q -> store.detail(q, access.caller(who)));
    }

    /** An expert takes a question from the queue; exactly one of several racing claims wins. */
    public Mono<QuestionDetail> claim(KbPrincipal who, long id) {
        Instant now = clock.instant();
        return access.caller(who)
                // an expert with the skill learns that a question was taken (409), not that it vanished
                .flatMap(c -> repo.find(id)
                        .filter(q -> QuestionPolicy.mayClaim(c, q))
                        .switchIfEmpty(Mono.defer(() -> access.visible(c, id)))
                        .flatMap(q -> {
                            if (!c.activeExpert()) {
                                return Mono.error(QuestionAccess.forbidden("Only active experts can claim questions."));
                            }
                            if (!c.expert().hasSkill(q.category())) {
                                return Mono.error(QuestionAccess.forbidden(
                                        "Category '" + q.category() + "' is not among your skills."));
                            }
                            if (q.assigneeId() != null) {
                                return Mono.error(KbException.conflict(
                                        "question-taken",
                                        "Question " + id + " is already assigned to " + q.assigneeName() + "."));
                            }
                            return assigner.assign(
                                    q, c.expert(), q.tier(), q.escalated(), c.id(), "CLAIMED", null, now, true);
                        }))
                .as(tx::transactional)
                .flatMap(q -> store.detail(q, access.caller(who)));
    }

    /** The assignee (or an admin) hands the question over to another expert. */
    public Mono<QuestionDetail> handover(KbPrincipal who, long id, long toUserId, String note) {
        Instant now = clock.instant();
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (!QuestionPolicy.mayReassign(c, q)) {
                        return Mono.error(QuestionAccess.forbidden(
                                "Only the assignee or an admin can hand question " + id + " over."));
                    }
                    return duty.expert(toUserId).flatMap(e -> {
                        if (!e.active()) {
                            return Mono.error(KbException.badRequest(
                                    "expert-inactive", "Expert '" + e.username() + "' is not active."));
                        }
                        if (q.assigneeId() != null && q.assigneeId() == toUserId) {
                            return Mono.error(KbException.conflict(
                                    "already-assignee", "Question " + id + " is already with " + e.username() + "."));
                        }
                        return assigner.assign(q, e, e.tier(), q.escalated(), c.id(), "HANDED_OVER", note, now, false);
                    });
                }))
                .as(tx::transactional)
                .flatMap(q -> store.detail(q, access.caller(who)));
    }
}
