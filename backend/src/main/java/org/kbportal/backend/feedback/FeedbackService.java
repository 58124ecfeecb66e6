package org.kbportal.backend.feedback;

import java.time.Clock;
import org.kbportal.backend.article.ArticleService;
import org.kbportal.backend.article.ArticleViews;
import org.kbportal.backend.system.CurationProperties;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * "Was this helpful?" on published articles: one vote per voter (a signed-in user, else an
 * anonymous visitor's session id, else the caller's address), rate-limited, with an optional plain
 * text comment; and the admins' report.
 */
@Service
public class FeedbackService {

    static final int MAX_COMMENT = 1000;

    private final FeedbackRepository repo;
    private final ArticleService articles;
    private final ArticleViews views;
    private final VoteLimiter limiter;
    private final VoteLimiter perAddress;
    private final Clock clock;

    FeedbackService(
            FeedbackRepository repo,
            ArticleService articles,
            ArticleViews views,
            CurationProperties props,
            Clock clock) {
        this.repo = repo;
        this.articles = articles;
        this.views = views;
        this.limiter = new VoteLimiter(props.feedbackPerMinute(), java.time.Duration.ofMinutes(1), clock);
        this.perAddress = new VoteLimiter(props.feedbackPerAddressPerHour(), java.time.Duration.ofHours(1), clock);
        this.clock = clock;
    }

    /**
     * Records (or replaces) {@code voter}'s vote on a published article; {@code address} is the client's
     * (from {@code ClientAddress}), limited on its own whatever voter ids it sends.
     */
    public Mono<FeedbackSummary> vote(
            String id, String voter, String address, String username, boolean helpful, String comment) {
        String text = clean(comment);
        if (text != null && text.length() > MAX_COMMENT) {
            return Mono.error(KbException.badRequest(
                    "comment-too-long", "A comment has at most " + MAX_COMMENT + " characters."));
        }
        if (!limiter.tryAcquire(voter)) {
            return Mono.error(new KbException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-requests",
                    "Too many requests",
                    "Too much feedback in a short time; try again in a minute."));
        }
        // signed-in users vote once per account; anonymous voter ids are free to invent, their address is not
        if (username == null && !perAddress.tryAcquire("address:" + address)) {
            return Mono.error(new KbException(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "too-many-votes",
                            "Too many votes",
                            "Too much feedback from your address; try again later.")
                    .header("Retry-After", "3600"));
        }
        return articles.get(id, false)
                .flatMap(a -> repo.vote(a.id(), voter, helpful, text, username, clock.instant())
                        .then(summary(a.id(), voter)));
    }

    /** Counts of a published article, with the caller's own vote. */
    public Mono<FeedbackSummary> summary(String id, String voter) {
        return articles.get(id, false)
                .flatMap(a -> Mono.zip(
                                repo.counts(a.id()),
                                views.views(a.id()),
                                repo.voteOf(a.id(), voter)
                                        .map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty()))
                        .map(t -> new FeedbackSummary(
                                a.id(),
                                t.getT1()[0],
                                t.getT1()[1],
                                t.getT2(),
                                t.getT3().orElse(null))));
    }

    public Mono<FeedbackReport> report(int limit) {
        return views.flush()
                .then(Mono.zip(
                        repo.leastHelpful(limit).collectList(),
                        repo.mostViewed(limit).collectList(),
                        repo.comments(limit).collectList()))
                .map(t -> new FeedbackReport(t.getT1(), t.getT2(), t.getT3()));
    }

    /** Plain text: control characters removed, blank means none. */
    static String clean(String comment) {
        if (comment == null) {
            return null;
        }
        String s = comment.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").strip();
        return s.isEmpty() ? null : s;
    }
}
