package org.kbportal.ui.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The review workflow (authoring as an expert, review as an admin), readers' feedback and the
 * category/tag administration of the backend.
 */
@Component
public class CurationClient {

    /** Identifies an anonymous visitor's browser session to the backend (one vote per session). */
    public static final String VISITOR_HEADER = "X-KB-Visitor";

    private final RestClient http;

    public CurationClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /** Creates a draft as an author (EXPERT or ADMIN). */
    public Article createDraft(ArticleInput input) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/expert/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .body(input)
                .retrieve()
                .body(Article.class));
    }

    /** Saves a draft as an author; experts may only edit drafts (409 {@code not-a-draft}). */
    public Article updateDraft(String id, ArticleInput input) {
        return BackendCalls.call(() -> http.put()
                .uri("/api/expert/articles/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(input)
                .retrieve()
                .body(Article.class));
    }

    public Article submit(String id) {
        return post("/api/expert/articles/{id}/submit", id, null);
    }

    public Article approve(String id, String comment) {
        return post("/api/admin/articles/{id}/approve", id, comment);
    }

    /** Back to DRAFT; the comment is required. */
    public Article sendBack(String id, String comment) {
        return post("/api/admin/articles/{id}/send-back", id, comment);
    }

    public Article restore(String id, int version) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/articles/{id}/versions/{v}/restore", id, version)
                .retrieve()
                .body(Article.class));
    }

    /** Sets the publication time and the review-by date (null clears one). */
    public void schedule(String id, Instant publishAt, Instant reviewBy) {
        Map<String, Object> body = new HashMap<>();
        body.put("publishAt", publishAt);
        body.put("reviewBy", reviewBy);
        BackendCalls.run(() -> http.put()
                .uri("/api/expert/articles/{id}/schedule", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
    }

    /** Whether the caller may edit, submit and schedule the article ({@code 403 not-your-draft} otherwise). */
    public Curation.Permissions permissions(String id) {
        return BackendCalls.call(() -> http.get()
                .uri("/api/expert/articles/{id}/permissions", id)
                .retrieve()
                .body(Curation.Permissions.class));
    }

    public Curation.Workflow workflow(String id) {
        return BackendCalls.call(() -> http.get()
                .uri("/api/expert/articles/{id}/workflow", id)
                .retrieve()
                .body(Curation.Workflow.class));
    }

    public List<Curation.ReviewItem> reviewQueue() {
        return list(() -> http.get().uri("/api/admin/review-queue").retrieve().body(Curation.ReviewItem[].class));
    }

    public List<Curation.DueItem> dueForReview(int days) {
        return list(() -> http.get()
                .uri("/api/admin/articles/due-for-review?days={d}", days)
                .retrieve()
                .body(Curation.DueItem[].class));
    }

    public Curation.ReviewStatus reviewStatus(String id) {
        return BackendCalls.call(() -> http.get()
                .uri("/api/articles/{id}/review-status", id)
                .retrieve()
                .body(Curation.ReviewStatus.class));
    }

    /** The counts and the caller's vote; {@code visitor} identifies an anonymous session. */
    public Curation.Feedback feedback(String id, String visitor) {
        return BackendCalls.call(() -> http.get()
                .uri("/api/articles/{id}/feedback", id)
                .header(VISITOR_HEADER, visitor)
                .retrieve()
                .body(Curation.Feedback.class));
    }

    public Curation.Feedback vote(String id, String visitor, boolean helpful, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("helpful", helpful);
        body.put("comment", comment == null || comment.isBlank() ? null : comment.strip());
        return BackendCalls.call(() -> http.post()
                .uri("/api/articles/{id}/feedback", id)
                .header(VISITOR_HEADER, visitor)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Curation.Feedback.class));
    }

    public Curation.Report report() {
        return BackendCalls.call(() -> http.get()
                .uri("/api/admin/articles/feedback-report?limit=20")
                .retrieve()
                .body(Curation.Report.class));
    }

    public Category createCategory(String code, String parentCode, String nameZh, String nameEn) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("parentCode", parentCode);
        body.put("nameZh", nameZh);
        body.put("nameEn", nameEn);
        return send("/api/admin/categories", body, Category.class);
    }

    public Category renameCategory(String code, String nameZh, String nameEn) {
        return BackendCalls.call(() -> http.put()
                .uri("/api/admin/categories/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("nameZh", nameZh, "nameEn", nameEn))
                .retrieve()
                .body(Category.class));
    }

    /** Re-parents a category ({@code parentCode} null: top level); 409 {@code category-cycle} for a cycle. */
    public Category moveCategory(String code, String parentCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentCode", parentCode);
        return send("/api/admin/categories/" + code + "/move", body, Category.class);
    }

    public void mergeCategory(String code, String into) {
        send("/api/admin/categories/" + code + "/merge", Map.of("into", into), Map.class);
    }

    public List<Curation.TagCount> tags() {
        return list(() -> http.get().uri("/api/admin/tags").retrieve().body(Curation.TagCount[].class));
    }

    public void renameTag(String from, String to) {
        send("/api/admin/tags/rename", Map.of("from", from, "to", to), Map.class);
    }

    private <T> T send(String uri, Object body, Class<T> type) {
        return BackendCalls.call(() -> http.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(type));
    }

    private Article post(String uri, String id, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("comment", comment == null || comment.isBlank() ? null : comment.strip());
        return BackendCalls.call(() -> http.post()
                .uri(uri, id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Article.class));
    }

    private static <T> List<T> list(java.util.function.Supplier<T[]> call) {
        T[] all = BackendCalls.call(call::get);
        return all == null ? List.of() : Arrays.asList(all);
    }
}
