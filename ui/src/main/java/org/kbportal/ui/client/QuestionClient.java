package org.kbportal.ui.client;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The online questions ({@code /api/questions}, {@code /api/expert/queue}): asking, reading, the
 * conversation, status changes, claims, escalation, ratings, publishing answers as drafts, and the
 * "this solved my problem" count. The backend checks who may do what on every call.
 */
@Component
public class QuestionClient {

    private final RestClient http;

    public QuestionClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /**
     * Asks a question; the backend routes it to an on-duty expert or queues it.
     *
     * @throws BackendException 400 {@code validation} with field errors for missing or invalid fields
     */
    public QuestionCreated ask(QuestionInput question) {
        Map<String, Object> json = new HashMap<>();
        json.put("title", question.title());
        json.put("body", question.body());
        json.put("kind", question.kind());
        json.put("severity", question.severity());
        json.put("category", question.category());
        if (question.contactPref() != null && !question.contactPref().isBlank()) {
            json.put("contactPref", question.contactPref());
        }
        return BackendCalls.call(() -> http.post()
                .uri("/api/questions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .body(QuestionCreated.class));
    }

    /**
     * One question with its conversation, timeline and rating.
     *
     * @throws BackendException 404 {@code question-not-found}, also for questions the caller may not see
     */
    public Question get(long id) {
        return BackendCalls.call(
                () -> http.get().uri("/api/questions/{id}", id).retrieve().body(Question.class));
    }

    /** The questions the caller asked, newest first. */
    public List<Question> mine() {
        return list("/api/questions?mine=true");
    }

    /**
     * The caller's questions by role: an expert's assigned ones, a user's organisation's, an
     * administrator's latest.
     */
    public List<Question> list() {
        return list("/api/questions");
    }

    /** Unassigned open questions in the caller's skills (EXPERT, ADMIN). */
    public List<Question> queue() {
        return list("/api/expert/queue");
    }

    private List<Question> list(String uri) {
        Question[] all = BackendCalls.call(() -> http.get().uri(uri).retrieve().body(Question[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    /**
     * Adds a message. From the assignee it answers the question, or with {@code waitForUser} asks
     * the user for information; from the asker it is a follow-up.
     *
     * @throws BackendException 400 {@code empty-body}; 409 {@code illegal-transition}
     */
    public Question message(long id, String body, boolean waitForUser) {
        Map<String, Object> json = waitForUser ? Map.of("body", body, "waitForUser", true) : Map.of("body", body);
        return post("/api/questions/{id}/messages", id, json);
    }

    /** Marks an answered question resolved (asker, assignee, ADMIN); 409 unless ANSWERED. */
    public Question resolve(long id) {
        return post("/api/questions/{id}/resolve", id, null);
    }

    /** Opens a resolved question again (asker, ADMIN); 409 unless RESOLVED. */
    public Question reopen(long id, String reason) {
        return post(
                "/api/questions/{id}/reopen", id, reason == null || reason.isBlank() ? null : Map.of("reason", reason));
    }

    /** Takes a queued question (EXPERT with the skill); 409 {@code question-taken} when someone was faster. */
    public Question claim(long id) {
        return post("/api/questions/{id}/claim", id, null);
    }

    /** Experts on duty now, the people a question can be handed over to. */
    public List<OnDuty> onDuty() {
        OnDuty[] all = BackendCalls.call(
                () -> http.get().uri("/api/duty/now").retrieve().body(OnDuty[].class));
        return all == null ? List.of() : List.of(all);
    }

    /** Per tier, who is on duty now with the skill of {@code category}, and the next shift start. */
    public DutyNow dutyByTier(String category) {
        return BackendCalls.call(() -> http.get()
                .uri("/api/expert/duty/now?category={c}", category == null ? "" : category)
                .retrieve()
                .body(DutyNow.class));
    }

    /** Gives the question to another expert (assignee, ADMIN); 409 {@code already-assignee}. */
    public Question handover(long id, long toUserId, String note) {
        Map<String, Object> json = new HashMap<>();
        json.put("to", toUserId);
        json.put("note", note == null || note.isBlank() ? null : note);
        return post("/api/questions/{id}/handover", id, json);
    }

    /** Hands the question to the next tier (assignee, ADMIN). */
    public Question escalate(long id, String reason) {
        return post("/api/questions/{id}/escalate", id, Map.of("reason", reason));
    }

    /** The asker's rating, once, when RESOLVED or CLOSED; 409 {@code already-rated}. */
    public Question rate(long id, int attitude, int expertise, int timeliness, String comment) {
        Map<String, Object> json = new HashMap<>();
        json.put("attitude", attitude);
        json.put("expertise", expertise);
        json.put("timeliness", timeliness);
        if (comment != null && !comment.isBlank()) {
            json.put("comment", comment);
        }
        return post("/api/questions/{id}/rating", id, json);
    }

    /**
     * Turns the question and its answers into a DRAFT article (EXPERT, ADMIN).
     *
     * @param type FAQ or CASE
     * @return the new article's id
     */
    public String publish(long id, String type) {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = BackendCalls.call(() -> http.post()
                .uri("/api/questions/{id}/publish", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", type))
                .retrieve()
                .body(Map.class));
        return created == null ? null : String.valueOf(created.get("articleId"));
    }

    /**
     * Counts "this solved my problem" for an article found while asking.
     *
     * @return how many deflections there are now
     */
    public long deflect(String articleId, String query) {
        Map<String, Object> json = new HashMap<>();
        if (articleId != null) {
            json.put("articleId", articleId);
        }
        if (query != null && !query.isBlank()) {
            json.put("query", query.length() > 500 ? query.substring(0, 500) : query);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = BackendCalls.call(() -> http.post()
                .uri("/api/questions/deflections")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .body(Map.class));
        return answer != null && answer.get("deflections") instanceof Number n ? n.longValue() : 0;
    }

    /**
     * Attaches files to a question, all or none. Takes the token explicitly, because uploads finish
     * outside the request that started them.
     *
     * @return every attachment of the question now
     * @throws BackendException 413 {@code file-too-large}; 415 {@code file-type-not-allowed} or
     *     {@code file-type-mismatch}; 400 {@code too-many-attachments}; 404 when the question is not
     *     the caller's to see; 409 when it is closed
     */
    public List<Attachment> attach(long id, List<FileUpload> files, String token) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        for (FileUpload f : files) {
            parts.add("file", new ByteArrayResource(f.bytes()) {
                @Override
                public String getFilename() {
                    return f.name();
                }
            });
        }
        Attachment[] all = BackendCalls.call(() -> http.post()
                .uri("/api/questions/{id}/attachments", id)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .body(Attachment[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    /** A question's attachment, for {@link BackendFiles}; the backend answers 404 to whoever may not see it. */
    public BackendFiles.Request attachmentFile(long id, String fileId) {
        return BackendFiles.Request.of("/api/questions/" + id + "/attachments/" + fileId);
    }

    private Question post(String uri, long id, Object json) {
        return BackendCalls.call(() -> {
            RestClient.RequestBodySpec request = http.post().uri(uri, id);
            if (json != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json);
            }
            return request.retrieve().body(Question.class);
        });
    }
}
