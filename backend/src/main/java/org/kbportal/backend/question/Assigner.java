package org.kbportal.backend.question;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kbportal.backend.duty.DutyService;
import org.kbportal.backend.duty.Expert;
import org.kbportal.backend.duty.Tier;
import org.kbportal.backend.system.KbException;
import org.springframework.stereotype.Component;
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

    Assigner(QuestionStore store, DutyService duty) {
        this.store = store;
        this.duty = duty;
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
        Question next = q.assigned(e.userId(), e.username(), tier, escalated).with(statusWhenAssigned(q.status()));
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
     * Moves {@code q} to the next tier: L1 → an on-duty L2 expert with the skill, else the L3 vendor
     * contact; L2 → L3. Without anyone there it waits unassigned in that tier's queue. Admins are told.
     */
    Mono<Question> escalate(Question q, Long actor, String reason, Instant now) {
        if (q.status().isFinished()) {
            return Mono.error(QuestionStatus.illegal("A " + q.status() + " question cannot be escalated."));
        }
        if (q.tier().next() == null) {
            return Mono.error(
                    KbException.conflict("top-tier", "Question " + q.id() + " is already with the L3 vendor contact."));
        }
        return Mono.zip(
                        duty.onDutyAt(now).collectList(),
                        duty.experts().collectList(),
                        store.repo().loads())
                .flatMap(t -> {
                    Tier tier = q.tier().next();
                    Optional<Expert> target = Optional.empty();
                    if (tier == Tier.L2) {
                        target = Routing.pick(t.getT1(), t.getT3(), Tier.L2, q.category(), true);
                        if (target.isEmpty()) {
                            tier = Tier.L3;
                        }
                    }
                    if (tier == Tier.L3) {
                        target = vendor(t.getT1(), t.getT2(), t.getT3(), q.category());
                    }
                    Long previous = q.assigneeId();
                    Mono<Question> moved;
                    if (target.isPresent()) {
                        moved = assign(q, target.get(), tier, true, actor, "ESCALATED", reason, now, false);
                    } else {
                        Question next = q.assigned(null, null, tier, true).with(statusWhenUnassigned(q.status()));
                        String detail =
                                "→ " + tier + " queue (nobody available)" + (reason == null ? "" : ": " + reason);
                        moved = store.save(q, next, false, now)
                                .flatMap(saved -> store.event(
                                                saved, "ESCALATED", actor, q.status(), saved.status(), detail, now)
                                        .then(store.tellAdmins("UNASSIGNED", saved, detail))
                                        .then(store.tellQueue(queueOf(saved.tier(), saved.category()), saved, detail))
                                        .thenReturn(saved));
                    }
                    return moved.flatMap(saved -> store.tellAdmins("ESCALATED", saved, reason)
                            .then(
                                    previous == null
                                            ? Mono.empty()
                                            : store.tellInPortal(previous, "ESCALATED", saved, reason))
                            .thenReturn(saved));
                });
    }

    /** The active experts who see a question of this tier and category in their queue. */
    private reactor.core.publisher.Flux<Long> queueOf(Tier tier, String category) {
        return duty.experts()
                .filter(e -> e.active() && e.tier() == tier && e.hasSkill(category))
                .map(Expert::userId);
    }

    /** The L3 contact for a category: on duty if possible, else any active one (reachable by e-mail). */
    private static Optional<Expert> vendor(List<Expert> onDuty, List<Expert> all, Map<Long, Long> loads, String cat) {
        Optional<Expert> e = Routing.pick(onDuty, loads, Tier.L3, cat, true);
        return e.isPresent() ? e : Routing.pick(all, loads, Tier.L3, cat, true);
    }
}
