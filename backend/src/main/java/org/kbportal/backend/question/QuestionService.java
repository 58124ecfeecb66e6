package org.kbportal.backend.question;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.backend.article.CategoryService;
import org.kbportal.backend.sla.SlaCalculator;
import org.kbportal.backend.sla.SlaService;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.duty.Tier;
import org.kbportal.contract.question.QuestionDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Online questions: asking (with routing), reading, the queue and the conversation, including the
 * pause of the clocks while waiting for the user. Visibility is {@link QuestionAccess}'s; the other
 * status changes are {@link QuestionActions}.
 */
@Service
public class QuestionService {

    private final QuestionStore store;
    private final QuestionRepository repo;
    private final Assigner assigner;
    private final QuestionAccess access;
    private final SlaService sla;
    private final CategoryService categories;
    private final KbProperties props;
    private final TransactionalOperator tx;
    private final Clock clock;

    QuestionService(
            QuestionStore store,
            Assigner assigner,
            QuestionAccess access,
            SlaService sla,
            CategoryService categories,
            KbProperties props,
            TransactionalOperator tx,
            Clock clock) {
        this.store = store;
        this.repo = store.repo();
        this.assigner = assigner;
        this.access = access;
        this.sla = sla;
        this.categories = categories;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a user asks; {@code body} is rich text (sanitised here). */
    public record Ask(String title, String body, String kind, String severity, String category, String contactPref) {}

    public Mono<QuestionDetail> ask(KbPrincipal who, Ask in) {
        String body = RichText.sanitise(in.body());
        if (RichText.text(body).isBlank()) {
            return Mono.error(KbException.badRequest("empty-body", "The question needs a description (body)."));
        }
        if (body.length() > props.questions().maxBodyChars()) {
            return Mono.error(KbException.badRequest(
                    "body-too-long",
                    "The body may have at most " + props.questions().maxBodyChars() + " characters."));
        }
        Instant now = clock.instant();
        return Mono.zip(
                        access.caller(who),
                        categories.resolve(in.category()),
                        sla.policy(in.kind(), in.severity()),
                        sla.calculator())
                .flatMap(t -> {
                    Caller c = t.getT1();
                    SlaCalculator.Deadlines d = t.getT4().deadlines(now, t.getT3());
                    Question draft = Question.builder()
                            .title(in.title().strip())
                            .body(body)
                            .kind(in.kind())
                            .severity(in.severity())
                            .category(t.getT2().code())
                            .askerId(c.id())
                            .askerName(c.username())
                            .askerOrg(c.unit())
                            .askerOrgId(c.orgId())
                            .contactPref(blankToNull(in.contactPref()))
                            .status(QuestionStatus.NEW)
                            .tier(Tier.L1)
                            .workingTime(t.getT3().workingTime())
                            .clocks(new Question.Clocks(
                                    d.replyWarnAt(),
                                    d.replyDueAt(),
                                    d.resolveWarnAt(),
                                    d.resolveDueAt(),
                                    false,
                                    false,
                                    false,
                                    false))
                            .version(1)
                            .createdAt(now)
                            .updatedAt(now)
                            .build();
                    return repo.insert(draft)
                            .flatMap(store::find)
                            .flatMap(q -> store.event(
                                            q,
                                            "CREATED",
                                            c.id(),
                                            null,
                                            QuestionStatus.NEW,
                                            q.kind() + "/" + q.severity() + " " + q.category(),
                                            now)
                                    .then(assigner.route(q, now)))
                            .as(tx::transactional);
                })
                .map(QuestionViews::of);
    }

    /** The question with its timeline, messages and rating, if the caller may see it. */
    public Mono<QuestionDetail> get(KbPrincipal who, long id) {
        return access.caller(who).flatMap(c -> access.visible(c, id)).flatMap(q -> store.detail(q, access.caller(who)));
    }

    /** {@code mine}: asked by the caller; else all the caller works on or may follow. */
    public Flux<QuestionDetail> list(KbPrincipal who, boolean mine) {
        return access.caller(who)
                .flatMapMany(c -> {
                    if (mine) {
                        return repo.byAsker(c.id());
                    }
                    if (c.admin()) {
                        return repo.recent();
                    }
                    if (c.activeExpert()) {
                        return repo.byAssignee(c.id());
                    }
                    return repo.byAskerOrOrg(c.id(), c.orgId());
                })
                .map(QuestionViews::of);
    }

    /** Unassigned open questions in the caller's skills (admins: all). */
    public Flux<QuestionDetail> queue(KbPrincipal who) {
        return access.caller(who)
                .flatMapMany(c -> repo.unassigned()
                        .filter(q ->
                                c.admin() || (c.activeExpert() && c.expert().hasSkill(q.category()))))
                .map(QuestionViews::of);
    }

    /**
     * A message. From the asker's side it continues the conversation (and ends a wait for the user);
     * from the assignee (or an admin) it is the answer, or with {@code waitForUser} a request for
     * more information that pauses the clocks.
     */
    public Mono<QuestionDetail> message(KbPrincipal who, long id, String rawBody, boolean waitForUser) {
        String body = RichText.sanitise(rawBody);
        if (RichText.text(body).isBlank()) {
            return Mono.error(KbException.badRequest("empty-body", "The message is empty."));
        }
        if (body.length() > props.questions().maxBodyChars()) {
            return Mono.error(KbException.badRequest(
                    "body-too-long",
                    "A message may have at most " + props.questions().maxBodyChars() + " characters."));
        }
        Instant now = clock.instant();
        return Mono.zip(access.caller(who), sla.calculator())
                .flatMap(t -> {
                    Caller c = t.getT1();
                    SlaCalculator calc = t.getT2();
                    return access.visible(c, id).flatMap(q -> {
                        boolean askerSide = QuestionPolicy.writesAsAsker(c, q);
                        if (q.status().isFinished()) {
                            return Mono.error(QuestionStatus.illegal("Question " + id + " is " + q.status()
                                    + (q.status() == QuestionStatus.RESOLVED ? "; reopen it first." : ".")));
                        }
                        return askerSide
                                ? userMessage(c, q, body, calc, now)
                                : expertMessage(c, q, body, waitForUser, calc, now);
                    });
                })
                .as(tx::transactional)
                .flatMap(q -> store.detail(q, access.caller(who)));
    }

    private Mono<Question> userMessage(Caller c, Question q, String body, SlaCalculator calc, Instant now) {
        if (!QuestionPolicy.mayFollowUp(c, q)) {
            return Mono.error(
                    QuestionAccess.forbidden("Only the asker, their organisation or the assignee can write here."));
        }
        QuestionStatus target = q.status() == QuestionStatus.WAITING_FOR_USER || q.status() == QuestionStatus.ANSWERED
                ? q.status().check(QuestionStatus.IN_PROGRESS)
                : q.status();
        Question next = resume(q, calc, now).with(target);
        return repo.message(q.id(), c.id(), false, body, now)
                .then(store.save(q, next, false, now))
                .flatMap(saved -> store.event(saved, "MESSAGE", c.id(), null, null, "user", now)
                        .then(store.statusEvent(q, saved, c.id(), now))
                        .then(
                                saved.assigneeId() == null
                                        ? Mono.empty()
                                        : store.tellInPortal(saved.assigneeId(), "STATUS", saved, RichText.text(body)))
                        .thenReturn(saved));
    }

    private Mono<Question> expertMessage(
            Caller c, Question q, String body, boolean waitForUser, SlaCalculator calc, Instant now) {
        QuestionStatus target = waitForUser ? QuestionStatus.WAITING_FOR_USER : QuestionStatus.ANSWERED;
        if (q.status() != target) {
            q.status().check(target);
        }
        Question base = waitForUser ? q : resume(q, calc, now);
        Instant paused = waitForUser ? (q.pausedSince() == null ? now : q.pausedSince()) : null;
        Question next = base.toBuilder()
                .firstReplyAt(q.firstReplyAt() == null ? now : q.firstReplyAt())
                .pausedSince(paused)
                .status(target)
                .build();
        String text = RichText.text(body);
        return repo.message(q.id(), c.id(), true, body, now)
                .then(store.save(q, next, false, now))
                .flatMap(saved -> store.event(
                                saved, "MESSAGE", c.id(), null, null, waitForUser ? "question" : "answer", now)
                        .then(store.statusEvent(q, saved, c.id(), now))
                        .then(store.tell(saved.askerId(), waitForUser ? "STATUS" : "ANSWERED", saved, text))
                        .thenReturn(saved));
    }

    /** Ends a pause: the due times move on by the (working) time the question waited for the user. */
    static Question resume(Question q, SlaCalculator calc, Instant now) {
        if (q.pausedSince() == null) {
            return q;
        }
        Instant from = q.pausedSince();
        boolean wt = q.workingTime();
        Question.Clocks c = q.clocks();
        Question.Clocks moved = new Question.Clocks(
                calc.extend(c.replyWarnAt(), from, now, wt),
                calc.extend(c.replyDueAt(), from, now, wt),
                calc.extend(c.resolveWarnAt(), from, now, wt),
                calc.extend(c.resolveDueAt(), from, now, wt),
                c.replyWarned(),
                c.replyBreached(),
                c.resolveWarned(),
                c.resolveBreached());
        long seconds = java.time.Duration.between(from, now).toSeconds();
        return q.toBuilder()
                .pausedSince(null)
                .pausedSeconds(q.pausedSeconds() + seconds)
                .clocks(moved)
                .build();
    }

    /** "This solved my problem" (before asking): counted. */
    public Mono<Long> deflect(KbPrincipal who, String articleId, String query) {
        return repo.deflection(who.userId(), blankToNull(articleId), blankToNull(query), clock.instant())
                .then(repo.deflections());
    }

    public Mono<Map<String, Object>> stats() {
        return Mono.zip(repo.deflections(), repo.flaggedRatings().collectList())
                .map(t -> Map.of("deflections", t.getT1(), "flaggedRatings", t.getT2()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
