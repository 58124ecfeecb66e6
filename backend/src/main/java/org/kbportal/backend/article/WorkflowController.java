package org.kbportal.backend.article;

import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authoring and review: experts ({@code /api/expert/**}, EXPERT or ADMIN) write drafts and submit
 * them; reviewers ({@code /api/admin/**}, ADMIN) approve, send back, restore and see the queues.
 */
@RestController
class WorkflowController {

    private final ArticleService articles;
    private final ArticleWorkflow workflow;
    private final DraftOwnership ownership;
    private final java.time.Clock clock;

    WorkflowController(
            ArticleService articles, ArticleWorkflow workflow, DraftOwnership ownership, java.time.Clock clock) {
        this.articles = articles;
        this.workflow = workflow;
        this.ownership = ownership;
        this.clock = clock;
    }

    /** The article when the caller may change it (author, assigned expert, reviewer), else 403/404. */
    private Mono<Article> owned(String id, Authentication auth) {
        return articles.get(id, true)
                .flatMap(a -> ownership.checked(a, auth.getName(), ArticleController.isReviewer(auth)));
    }

    /** What the caller may do with an article, so a client can offer only that. */
    record Permissions(String id, String status, boolean edit, boolean submit, boolean schedule) {}

    @GetMapping("/api/expert/articles/{id}/permissions")
    Mono<Permissions> permissions(@PathVariable String id, Authentication auth) {
        boolean reviewer = ArticleController.isReviewer(auth);
        return articles.get(id, true)
                .flatMap(a -> ownership.mayEdit(a, auth.getName(), reviewer).map(mine -> {
                    boolean draft = a.status() == ArticleStatus.DRAFT;
                    return new Permissions(
                            a.id(),
                            a.status().name(),
                            mine && (reviewer || draft),
                            mine && draft,
                            mine && (reviewer || draft));
                }));
    }

    /** An optional (submit, approve) or required (send back) reviewer's comment. */
    record CommentInput(String comment) {}

    /** Publication time and review-by date; null clears one. */
    record ScheduleInput(Instant publishAt, Instant reviewBy) {}

    @PostMapping("/api/expert/articles")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArticleView> create(@Valid @RequestBody ArticleInput input, Authentication auth) {
        return articles.create(input, auth.getName()).map(a -> ArticleView.of(a, a.id()));
    }

    @PutMapping("/api/expert/articles/{id}")
    Mono<ArticleView> update(@PathVariable String id, @Valid @RequestBody ArticleInput input, Authentication auth) {
        return owned(id, auth)
                .then(Mono.defer(() -> articles.update(id, input, auth.getName(), ArticleController.isReviewer(auth))))
                .map(a -> ArticleView.of(a, a.id()));
    }

    @PostMapping("/api/expert/articles/{id}/submit")
    Mono<ArticleView> submit(
            @PathVariable String id, @RequestBody(required = false) CommentInput in, Authentication auth) {
        return owned(id, auth)
                .then(Mono.defer(() -> workflow.submit(id, auth.getName(), comment(in))))
                .map(a -> ArticleView.of(a, a.id()));
    }

    @PutMapping("/api/expert/articles/{id}/schedule")
    Mono<ArticleSchedule> schedule(@PathVariable String id, @RequestBody ScheduleInput in, Authentication auth) {
        if (in.publishAt() != null && in.reviewBy() != null && !in.reviewBy().isAfter(in.publishAt())) {
            return Mono.error(KbException.badRequest(
                    "invalid-schedule", "The review-by date must come after the publication time."));
        }
        return owned(id, auth)
                .then(Mono.defer(() ->
                        workflow.schedule(id, in.publishAt(), in.reviewBy(), ArticleController.isReviewer(auth))));
    }

    @GetMapping("/api/expert/articles/{id}/workflow")
    Mono<ArticleWorkflow.WorkflowView> workflow(@PathVariable String id) {
        return workflow.workflow(id);
    }

    /** For readers: when the article is due for review (a stale article is flagged, not hidden). */
    @GetMapping("/api/articles/{id}/review-status")
    Mono<ReviewStatus> reviewStatus(@PathVariable String id, Authentication auth) {
        return articles.get(id, ArticleController.isCurator(auth))
                .flatMap(a -> workflow.scheduleOf(a.id()))
                .map(s -> new ReviewStatus(s.reviewBy(), s.reviewDue(clock.instant())));
    }

    /** Whether an article's review-by date has passed. */
    record ReviewStatus(Instant reviewBy, boolean reviewDue) {}

    @PostMapping("/api/admin/articles/{id}/approve")
    Mono<ArticleView> approve(
            @PathVariable String id, @RequestBody(required = false) CommentInput in, Authentication auth) {
        return workflow.approve(id, auth.getName(), comment(in)).map(a -> ArticleView.of(a, a.id()));
    }

    @PostMapping("/api/admin/articles/{id}/send-back")
    Mono<ArticleView> sendBack(
            @PathVariable String id, @RequestBody(required = false) CommentInput in, Authentication auth) {
        return workflow.sendBack(id, auth.getName(), comment(in)).map(a -> ArticleView.of(a, a.id()));
    }

    @PostMapping("/api/admin/articles/{id}/versions/{version}/restore")
    Mono<ArticleView> restore(@PathVariable String id, @PathVariable int version, Authentication auth) {
        return articles.restore(id, version, auth.getName()).map(a -> ArticleView.of(a, a.id()));
    }

    @GetMapping("/api/admin/review-queue")
    Flux<ArticleWorkflow.ReviewItem> reviewQueue() {
        return workflow.reviewQueue();
    }

    @GetMapping("/api/admin/articles/due-for-review")
    Flux<ArticleWorkflow.DueItem> dueForReview(@RequestParam(defaultValue = "14") int days) {
        if (days < 0 || days > 3650) {
            return Flux.error(KbException.badRequest("invalid-days", "days must be between 0 and 3650."));
        }
        return workflow.dueForReview(Duration.ofDays(days));
    }

    private static String comment(CommentInput in) {
        return in == null ? null : in.comment();
    }
}
