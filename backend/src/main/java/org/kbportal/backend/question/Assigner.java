package org.kbportal.backend.question;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.kbportal.backend.duty.DutyService;
import org.kbportal.backend.duty.Expert;
import org.kbportal.backend.system.KbException;
import org.kbportal.contract.duty.Tier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assignment: routing a new question, claims, hand-overs and escalation to the next tier. Every
 * write is a conditional UPDATE on the version (claims also on "no assignee yet"), so two instances
 * can never both assign one question.
 */
@Component
class Assigner {

    private final QuestionStore store;
    private final DutyService duty;
    private final TransactionalOperator tx;

    Assigner(QuestionStore store, DutyService duty, TransactionalOperator tx) {
        this.store = store;
        this.duty = duty;
        this.tx = tx;
    }

    /** Routes a NEW question to an on-duty L1 expert, or leaves it in the queue and tells the admins. */
    Mono<Question> route(Question q, Instant now) {
        return Mono.zip(duty.onDutyAt(now).collectList(), store.repo().loads()).flatMap(t -> {
            Optional<Expert> e = Routing.pick(t.getT1(), t.getT2(), Tier.L1, q.category(), false);
            if (e.isPresent()) {
                return assign(q, e.get(), q.tier(), q.escalated(), null, "ROUTED", null, now, false);
            }
            String detail = "No L1 expert on duty has capacity; the question waits in the queue.";
            return store.event(q, "QUEUED", null, null, null, detail, now)
                    .then(store.tellAdmins("UNASSIGNED", q, detail))
                    .then(store.tellQueue(queueOf(Tier.L1, q.category()), q, detail))
                    .thenReturn(q);
        });
    }

    /** Gives {@code q} to {@code e}; the status becomes ASSIGNED unless the work is already further. */
    Mono<Question> assign(
            Question q,
            Expert e,
            Tier tier,
            boolean escalated,
            Long actor,
            String type,
            String detail,
            Instant now,
            boolean unassignedOnly) {
        Question next = q.toBuilder()
                .assigneeId(e.userId())
                .assigneeName(e.username())
                .tier(tier)
                .escalated(escalated)
                .status(statusWhenAssigned(q.status()))
                .build();
        String text = "→ " + e.username() + " (" + tier + (e.organisation() == null ? "" : ", " + e.organisation())
                + ")" + (detail == null ? "" : ": " + detail);
        return store.save(q, next, unassignedOnly, now)
                .flatMap(saved -> store.event(saved, type, actor, q.status(), saved.status(), text, now)
                        .then(store.tell(e.userId(), "ASSIGNED", saved, detail))
                        // the asker learns of later status changes; the first routing is in the ask's answer
                        .then(
                                type.equals("ROUTED") || q.status() == saved.status()
                                        ? Mono.empty()
                                        : store.tell(saved.askerId(), "STATUS", saved, null))
                        .thenReturn(saved));
    }

    static QuestionStatus statusWhenAssigned(QuestionStatus s) {
        return switch (s) {
            case NEW, ASSIGNED, IN_PROGRESS, REOPENED -> QuestionStatus.ASSIGNED;
            case WAITING_FOR_USER, ANSWERED -> s;
            case RESOLVED, CLOSED -> throw QuestionStatus.illegal("A " + s + " question cannot be assigned.");
        };
    }

    static QuestionStatus statusWhenUnassigned(QuestionStatus s) {
        return switch (s) {
            case NEW, ASSIGNED, IN_PROGRESS, REOPENED -> QuestionStatus.NEW;
            case WAITING_FOR_USER, ANSWERED -> s;
            case RESOLVED, CLOSED -> throw QuestionStatus.illegal("A " + s + " question cannot be escalated.");
        };
    }

    /**
     * Moves {@code q} to the next tier, to an expert on duty there (skill required), else the tier
     * after it. When nobody at any higher tier is on duty, it waits unassigned in the queue of the
     * tier whose expert comes on duty first (the next tier if none is rostered), and the asker and
     * the admins learn when that is; {@link #routeWaiting} assigns it then. The SLA clocks are not
     * touched: they run (or stand still) as the SLA policy says, waiting or not.
     */
    Mono<Question> escalate(Question q, Long actor, String reason, Instant now) {
        if (q.status().isFinished()) {
            return Mono.error(QuestionStatus.illegal("A " + q.status() + " question cannot be escalated."));
        }
        if (q.tier().next() == null) {
            return Mono.error(
                    KbException.conflict("top-tier", "Question " + q.id() + " is already with the L3 vendor contact."));
        }
        Long previous = q.assigneeId();
        return Mono.zip(duty.onDutyAt(now).collectList(), store.repo().loads())
                .flatMap(t -> {
                    for (Tier tier = q.tier().next(); tier != null; tier = tier.next()) {
                        Optional<Expert> target = Routing.pick(t.getT1(), t.getT2(), tier, q.category(), true);
                        if (target.isPresent()) {
                            return assign(q, target.get(), tier, true, actor, "ESCALATED", reason, now, false);
                        }
                    }
                    return waitForDuty(q, actor, reason, now);
                })
                .flatMap(saved -> store.tellAdmins("ESCALATED", saved, reason)
                        .then(
                                previous == null
                                        ? Mono.empty()
                                        : store.tellInPortal(previous, "ESCALATED", saved, reason))
                        .thenReturn(saved));
    }

    /** Nobody above is on duty: into the queue of the tier that is staffed first, with word of when. */
    private Mono<Question> waitForDuty(Question q, Long actor, String reason, Instant now) {
        return Flux.fromArray(Tier.values())
                .filter(tier -> tier.compareTo(q.tier()) > 0)
                .concatMap(tier -> duty.nextOnDuty(e -> e.tier() == tier && e.hasSkill(q.category()), now)
                        .map(start -> Map.entry(tier, start)))
                .filter(e -> e.getValue().isPresent())
                // the earliest start; on a tie the lower tier (concatMap keeps the tiers in order)
                .reduce((a, b) -> b.getValue().get().isBefore(a.getValue().get()) ? b : a)
                .defaultIfEmpty(Map.entry(q.tier().next(), Optional.<Instant>empty()))
                .flatMap(wait -> {
                    Tier tier = wait.getKey();
                    Optional<Instant> pickup = wait.getValue();
                    Question next = q.toBuilder()
                            .assigneeId(null)
                            .assigneeName(null)
                            .tier(tier)
                            .escalated(true)
                            .status(statusWhenUnassigned(q.status()))
                            .build();
                    String detail = "→ " + tier + " queue (nobody on duty; next on duty "
                            + pickup.map(Instant::toString).orElse("not rostered") + ")"
                            + (reason == null ? "" : ": " + reason);
                    Map<String, String> when = DutyTimes.pickup(pickup, duty.zone(), tier);
                    return store.save(q, next, false, now)
                            .flatMap(saved -> store.event(
                                            saved, "ESCALATED", actor, q.status(), saved.status(), detail, now)
                                    .then(store.tellAdmins("WAITING", saved, reason, when))
                                    .then(store.tell(saved.askerId(), "WAITING", saved, null, when))
                                    .then(store.tellQueue(queueOf(saved.tier(), saved.category()), saved, detail))
                                    .thenReturn(saved));
                });
    }

    /**
     * Assigns the questions waiting unassigned to whoever of their tier is on duty now with room for
     * them (L1 prefers the skill, higher tiers require it); an escalated question also goes to a
     * higher tier if its own has nobody. Claims only unassigned questions, so with several
     * instances each question is assigned once.
     */
    Flux<Question> routeWaiting(Instant now) {
        return Mono.zip(duty.onDutyAt(now).collectList(), store.repo().loads()).flatMapMany(t -> {
            Map<Long, Long> loads = new java.util.HashMap<>(t.getT2());
            return store.repo().unassigned().concatMap(q -> {
                for (Tier tier = q.tier(); tier != null; tier = q.escalated() ? tier.next() : null) {
                    Optional<Expert> e = Routing.pick(t.getT1(), loads, tier, q.category(), tier != Tier.L1);
                    if (e.isPresent()) {
                        loads.merge(e.get().userId(), 1L, Long::sum);
                        return assign(q, e.get(), tier, q.escalated(), null, "ROUTED", "on duty now", now, true)
                                .as(tx::transactional)
                                // claimed or changed meanwhile (another instance, a user): next run
                                .onErrorResume(KbException.class, x -> Mono.empty());
                    }
                }
                return Mono.empty();
            });
        });
    }

    /** The active experts who see a question of this tier and category in their queue. */
    private Flux<Long> queueOf(Tier tier, String category) {
        return duty.experts()
                .filter(e -> e.active() && e.tier() == tier && e.hasSkill(category))
                .map(Expert::userId);
    }
}
