package org.kbportal.backend.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The review workflow: authors (experts, admins) submit drafts, a reviewer (admin) approves them
 * (at once, or for a scheduled {@code publishAt}) or sends them back with a comment. Every step is
 * a guarded transition recorded in the article's history. Also the review-by dates and the lists
 * that come from them.
 */
@Service
public class ArticleWorkflow {

    private static final Logger log = LoggerFactory.getLogger(ArticleWorkflow.class);
    private static final int MAX_COMMENT = 2000;

    private final ArticleService articles;
    private final ArticleRepository repo;
    private final ArticleEvents events;
    private final ScheduleRepository schedules;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;

    ArticleWorkflow(
            ArticleService articles,
            ArticleRepository repo,
            ArticleEvents events,
            ScheduleRepository schedules,
            DatabaseClient db,
            TransactionalOperator tx,
            Clock clock) {
        this.articles = articles;
        this.repo = repo;
        this.events = events;
        this.schedules = schedules;
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /** An author hands a DRAFT to the reviewers. */
    public Mono<Article> submit(String id, String by, String comment) {
        return Mono.fromCallable(() -> java.util.Optional.ofNullable(checkedComment(comment, false)))
                .flatMap(note -> articles.transition(
                        id,
                        ArticleStatus.IN_REVIEW,
                        EnumSet.of(ArticleStatus.DRAFT),
                        "SUBMITTED",
                        by,
                        note.orElse(null)));
    }

    /**
     * The reviewer approves an IN_REVIEW article: published now, or, when its {@code publishAt} lies
     * ahead, approved and left to the scheduler (status stays IN_REVIEW, event SCHEDULED).
     */
    public Mono<Article> approve(String id, String by, String comment) {
        return Mono.defer(() -> approveChecked(id, by, checkedComment(comment, false)));
    }

    private Mono<Article> approveChecked(String id, String by, String note) {
        Instant now = clock.instant();
        return schedules.find(id).flatMap(s -> {
            if (s.publishAt() == null || !s.publishAt().isAfter(now)) {
                return articles.transition(
                        id, ArticleStatus.PUBLISHED, EnumSet.of(ArticleStatus.IN_REVIEW), "APPROVED", by, note);
            }
            return repo.findById(id)
                    .switchIfEmpty(Mono.error(() -> ArticleProblems.notFound(id)))
                    .flatMap(a -> a.status() != ArticleStatus.IN_REVIEW
                            ? Mono.error(ArticleProblems.illegalTransition(id, a.status(), ArticleStatus.PUBLISHED))
                            : schedules
                                    .markPending(id, by)
                                    .then(events.record(
                                            a,
                                            "SCHEDULED",
                                            a.status(),
                                            by,
                                            note == null
                                                    ? "publish at " + s.publishAt()
                                                    : note + " (publish at " + s.publishAt() + ")",
                                            now))
                                    .thenReturn(a))
                    .as(tx::transactional);
        });
    }

    /** The reviewer returns an IN_REVIEW article to its authors; the comment says why (required). */
    public Mono<Article> sendBack(String id, String by, String comment) {
        return Mono.fromCallable(() -> checkedComment(comment, true))
                .flatMap(note -> articles.transition(
                        id, ArticleStatus.DRAFT, EnumSet.of(ArticleStatus.IN_REVIEW), "SENT_BACK", by, note));
    }

    /**
     * Sets the publication time and review-by date. Experts may do so on drafts only; setting them
     * cancels an approval that waited for the old time.
     */
    public Mono<ArticleSchedule> schedule(String id, Instant publishAt, Instant reviewBy, boolean reviewer) {
        return repo.findById(id)
                .switchIfEmpty(Mono.error(() -> ArticleProblems.notFound(id)))
                .flatMap(a -> !reviewer && a.status() != ArticleStatus.DRAFT
                        ? Mono.error(ArticleProblems.notADraft(id, a.status()))
                        : schedules
                                .put(id, publishAt, reviewBy, clock.instant())
                                .then(schedules.find(id)))
                .as(tx::transactional);
    }

    /** Status, dates and history of one article (curators). */
    public Mono<WorkflowView> workflow(String id) {
        Instant now = clock.instant();
        return articles.get(id, true)
                .flatMap(a -> Mono.zip(
                                schedules.find(a.id()), events.history(a.id()).collectList())
                        .map(t -> new WorkflowView(
                                a.id(),
                                a.status().name(),
                                a.version(),
                                t.getT1().publishAt(),
                                t.getT1().reviewBy(),
                                t.getT1().reviewDue(now),
                                t.getT1().pendingPublish(),
                                t.getT2())));
    }

    /** The schedule of a published article for its readers: whether its review date has passed. */
    public Mono<ArticleSchedule> scheduleOf(String id) {
        return schedules.find(ManualSection.articleIdOf(id));
    }

    /** Articles waiting for a reviewer, longest waiting first. */
    public Flux<ReviewItem> reviewQueue() {
        return db.sql("SELECT a.id, a.type, a.lang, a.category, a.title, a.version, a.updated_by, a.updated_at,"
                        + " SUBSTRING(a.body, 1, " + EXCERPT + ") AS excerpt, s.publish_at, s.pending_publish,"
                        + " (SELECT e.actor FROM article_event e WHERE e.article_id = a.id AND e.action = 'SUBMITTED'"
                        + " ORDER BY e.id DESC LIMIT 1) AS submitted_by,"
                        + " (SELECT MAX(e.created_at) FROM article_event e WHERE e.article_id = a.id"
                        + " AND e.action = 'SUBMITTED') AS submitted_at"
                        + " FROM article a LEFT JOIN article_schedule s ON s.article_id = a.id"
                        + " WHERE a.status = 'IN_REVIEW' ORDER BY a.updated_at, a.id")
                .map(r -> new ReviewItem(
                        r.get("id", String.class),
                        ArticleType.valueOf(r.get("type", String.class)).apiName(),
                        r.get("lang", String.class),
                        r.get("category", String.class),
                        r.get("title", String.class),
                        ((Number) r.get("version")).intValue(),
                        r.get("submitted_by", String.class) == null
                                ? r.get("updated_by", String.class)
                                : r.get("submitted_by", String.class),
                        Rows.instant(r, "submitted_at") == null
                                ? Rows.instant(r, "updated_at")
                                : Rows.instant(r, "submitted_at"),
                        Rows.instant(r, "publish_at"),
                        Boolean.TRUE.equals(r.get("pending_publish", Boolean.class)),
                        r.get("excerpt", String.class)))
                .all();
    }

    /** Published articles whose review-by date is passed or within {@code within}, soonest first. */
    public Flux<DueItem> dueForReview(Duration within) {
        Instant now = clock.instant();
        return db.sql("SELECT a.id, a.type, a.lang, a.category, a.title, a.updated_by, a.updated_at, s.review_by"
                        + " FROM article a JOIN article_schedule s ON s.article_id = a.id"
                        + " WHERE a.status = 'PUBLISHED' AND s.review_by IS NOT NULL AND s.review_by <= :until"
                        + " ORDER BY s.review_by, a.id")
                .bind("until", ArticleRepository.ts(now.plus(within)))
                .map(r -> {
                    Instant reviewBy = Rows.instant(r, "review_by");
                    return new DueItem(
                            r.get("id", String.class),
                            ArticleType.valueOf(r.get("type", String.class)).apiName(),
                            r.get("lang", String.class),
                            r.get("category", String.class),
                            r.get("title", String.class),
                            r.get("updated_by", String.class),
                            Rows.instant(r, "updated_at"),
                            reviewBy,
                            !reviewBy.isAfter(now));
                })
                .all();
    }

    /**
     * Publishes every approved article whose time has come. Each one is claimed with a conditional
     * UPDATE in the transaction that publishes it, so with several backend instances (or two runs
     * at once) each article is published exactly once. Returns how many this call published.
     */
    public Mono<Integer> publishDue() {
        Instant now = clock.instant();
        return schedules
                .duePublications(now)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(s -> schedules
                        .claim(s.articleId(), now)
                        .flatMap(won -> won
                                ? articles.change(
                                        s.articleId(),
                                        ArticleStatus.PUBLISHED,
                                        EnumSet.of(ArticleStatus.IN_REVIEW),
                                        "PUBLISHED",
                                        s.approvedBy() == null ? "scheduler" : s.approvedBy(),
                                        "scheduled publication")
                                : Mono.<Article>empty())
                        .as(tx::transactional)
                        .onErrorResume(e -> {
                            log.warn("Scheduled publication of {} failed: {}", s.articleId(), e.toString());
                            // a publication that can no longer happen (archived meanwhile) must not be retried forever
                            return schedules.clearPending(s.articleId()).then(Mono.empty());
                        }))
                .collectList()
                .flatMap(published -> articles.announced(published).thenReturn(published.size()));
    }

    private static String checkedComment(String comment, boolean required) {
        if (comment == null || comment.isBlank()) {
            if (required) {
                throw KbException.badRequest("comment-required", "Say why the article goes back to its authors.");
            }
            return null;
        }
        if (comment.length() > MAX_COMMENT) {
            throw KbException.badRequest("comment-too-long", "A comment has at most " + MAX_COMMENT + " characters.");
        }
        return comment.strip();
    }

    /** Status, dates and history of an article. */
    public record WorkflowView(
            String id,
            String status,
            int version,
            Instant publishAt,
            Instant reviewBy,
            boolean reviewDue,
            boolean pendingPublish,
            List<ArticleEvent> history) {}

    /** How much of the body the review queue shows (a draft from a question fits whole). */
    static final int EXCERPT = 2000;

    /** One article in the review queue; {@code excerpt} is the start of its Markdown body. */
    public record ReviewItem(
            String id,
            String type,
            String lang,
            String category,
            String title,
            int version,
            String submittedBy,
            Instant submittedAt,
            Instant publishAt,
            boolean scheduled,
            String excerpt) {}

    /** A published article whose review-by date has passed ({@code overdue}) or is near. */
    public record DueItem(
            String id,
            String type,
            String lang,
            String category,
            String title,
            String updatedBy,
            Instant updatedAt,
            Instant reviewBy,
            boolean overdue) {}
}
