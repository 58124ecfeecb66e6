package org.kbportal.backend.question;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kbportal.backend.account.AccountService;
import org.kbportal.backend.account.Role;
import org.kbportal.backend.channel.ChannelEvent;
import org.kbportal.backend.channel.Channels;
import org.kbportal.backend.channel.EventType;
import org.kbportal.backend.notify.Notifier;
import org.kbportal.backend.system.KbException;
import org.kbportal.contract.question.QuestionDetail;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Guarded writes of a question plus its timeline and notifications, shared by the service and the monitor. */
@Component
class QuestionStore {

    private final QuestionRepository repo;
    private final AccountService accounts;
    private final Notifier notifier;
    private final QuestionAttachmentRepository attachments;
    private final Channels channels;
    private final java.time.Clock clock;

    QuestionStore(
            QuestionRepository repo,
            AccountService accounts,
            Notifier notifier,
            QuestionAttachmentRepository attachments,
            Channels channels,
            java.time.Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.notifier = notifier;
        this.attachments = attachments;
        this.channels = channels;
        this.clock = clock;
    }

    QuestionRepository repo() {
        return repo;
    }

    /** The detail view with the actions {@code caller} may take on it now. */
    Mono<QuestionDetail> detail(Question q, Mono<Caller> caller) {
        return Mono.zip(detail(q), caller).map(t -> {
            QuestionDetail v = t.getT1();
            return QuestionViews.of(
                    q,
                    v.timeline(),
                    v.messages(),
                    v.rating(),
                    v.attachments(),
                    AllowedActions.of(t.getT2(), q, v.rating() != null));
        });
    }

    /** The question with its timeline, messages, rating and attachments. */
    Mono<QuestionDetail> detail(Question q) {
        return Mono.zip(
                        repo.events(q.id()).collectList(),
                        repo.messages(q.id()).collectList(),
                        repo.rating(q.id()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        attachments.list(q.id()).collectList())
                .map(t -> QuestionViews.of(q, t.getT1(), t.getT2(), t.getT3().orElse(null), t.getT4()));
    }

    Mono<Question> find(long id) {
        return repo.find(id)
                .switchIfEmpty(Mono.error(() -> KbException.notFound("question-not-found", "No question " + id + ".")));
    }

    /** Writes {@code next} if nobody changed the question since {@code current} was read; else 409. */
    Mono<Question> save(Question current, Question next, boolean unassignedOnly, Instant now) {
        return repo.update(next, current.version(), unassignedOnly, now)
                .flatMap(ok -> ok
                        ? find(next.id())
                        : Mono.error(
                                unassignedOnly
                                        ? KbException.conflict(
                                                "question-taken",
                                                "Question " + current.id()
                                                        + " was assigned or changed meanwhile; reload it.")
                                        : KbException.conflict(
                                                "question-changed",
                                                "Question " + current.id()
                                                        + " was changed meanwhile; reload and retry.")));
    }

    Mono<Void> event(
            Question q, String type, Long actor, QuestionStatus from, QuestionStatus to, String detail, Instant now) {
        return repo.event(q.id(), type, actor, from, to, detail, now)
                .then(publish(channelEvent(type, to), q, detail, now));
    }

    /** A status-change event, when the status changed. */
    Mono<Void> statusEvent(Question before, Question after, Long actor, Instant now) {
        return before.status() == after.status()
                ? Mono.empty()
                : repo.event(after.id(), "STATUS", actor, before.status(), after.status(), null, now)
                        .then(publish(channelEvent("STATUS", after.status()), after, null, now));
    }

    /** The channel event (group robots, SMS, webhooks) of a timeline entry; null when channels do not hear of it. */
    static EventType channelEvent(String timelineType, QuestionStatus to) {
        return switch (timelineType) {
            case "ROUTED", "CLAIMED" -> EventType.ASSIGNED;
            case "ESCALATED" -> EventType.ESCALATED;
            case "HANDED_OVER" -> EventType.HANDED_OVER;
            case "SLA_WARNING" -> EventType.SLA_WARNING;
            case "SLA_BREACH" -> EventType.SLA_BREACH;
            case "STATUS" ->
                to == QuestionStatus.RESOLVED
                        ? EventType.RESOLVED
                        : to == QuestionStatus.REOPENED
                                ? EventType.REOPENED
                                : to == QuestionStatus.ANSWERED ? EventType.ANSWERED : null;
            default -> null;
        };
    }

    /**
     * Queues the event for the notification channels in the caller's transaction (the channel outbox),
     * with the assignee's phone for DingTalk @-mentions and SMS.
     */
    Mono<Void> publish(EventType type, Question q, String detail, Instant now) {
        if (type == null) {
            return Mono.empty();
        }
        Mono<java.util.List<String>> mobiles = q.assigneeId() == null
                ? Mono.just(java.util.List.of())
                : accounts.byId(q.assigneeId())
                        .map(u -> u.phone() == null || u.phone().isBlank()
                                ? java.util.List.<String>of()
                                : java.util.List.of(u.phone().strip()))
                        .onErrorResume(KbException.class, e -> Mono.just(java.util.List.of()))
                        .defaultIfEmpty(java.util.List.of());
        return mobiles.flatMap(m -> channels.publish(new ChannelEvent(
                type,
                q.id(),
                null,
                q.title(),
                q.category(),
                q.severity(),
                q.status().name(),
                q.assigneeName(),
                q.assigneeId(),
                m,
                detail,
                now)));
    }

    Mono<Void> tell(long userId, String template, Question q, String detail) {
        return tell(userId, template, q, detail, Map.of());
    }

    /** In-portal and e-mail, with template variables beyond the question's own. */
    Mono<Void> tell(long userId, String template, Question q, String detail, Map<String, String> extra) {
        Map<String, String> vars = vars(q, detail);
        vars.putAll(extra);
        return accounts.byId(userId)
                .flatMap(u -> notifier.notify(new Notifier.Recipient(u.id(), u.email()), template, q.id(), vars))
                .onErrorResume(KbException.class, e -> Mono.empty());
    }

    /** In-portal only (no e-mail). */
    Mono<Void> tellInPortal(long userId, String template, Question q, String detail) {
        return notifier.notify(new Notifier.Recipient(userId, null), template, q.id(), vars(q, detail));
    }

    /** In-portal (and so on the live stream): a question waits in the queue of these experts. */
    Mono<Void> tellQueue(Flux<Long> expertIds, Question q, String detail) {
        return expertIds.concatMap(id -> tellInPortal(id, "QUEUED", q, detail)).then();
    }

    Mono<Void> tellAdmins(String template, Question q, String detail) {
        return tellAdmins(template, q, detail, Map.of());
    }

    Mono<Void> tellAdmins(String template, Question q, String detail, Map<String, String> extra) {
        Map<String, String> vars = vars(q, detail);
        vars.putAll(extra);
        Mono<Void> channel =
                "LOW_RATING".equals(template) ? publish(EventType.RATED_LOW, q, detail, clock.instant()) : Mono.empty();
        return channel.then(notifier.notifyAll(
                accounts.all()
                        .filter(u -> u.enabled() && u.roles().contains(Role.ADMIN))
                        .map(u -> new Notifier.Recipient(u.id(), u.email())),
                template,
                q.id(),
                vars));
    }

    private static Map<String, String> vars(Question q, String detail) {
        Map<String, String> v = new HashMap<>();
        v.put("id", String.valueOf(q.id()));
        v.put("title", q.title());
        v.put("status", q.status().name());
        v.put("detail", detail == null ? "" : detail);
        return v;
    }
}
