package org.kbportal.ui.client;

import java.util.List;
import org.kbportal.contract.duty.DutyNow;
import org.kbportal.contract.duty.OnDuty;
import org.kbportal.contract.question.DeflectionInput;
import org.kbportal.contract.question.Deflections;
import org.kbportal.contract.question.EscalateInput;
import org.kbportal.contract.question.HandoverInput;
import org.kbportal.contract.question.MessageInput;
import org.kbportal.contract.question.PublishInput;
import org.kbportal.contract.question.PublishedDraft;
import org.kbportal.contract.question.QuestionCreated;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionInput;
import org.kbportal.contract.question.RatingInput;
import org.kbportal.contract.question.ReasonInput;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The online questions ({@code /api/questions}, {@code /api/expert/queue}): asking, reading, the conversation,
 * status changes, claims, escalation, ratings, publishing answers as drafts, and the "this solved my problem"
 * count. The backend checks who may do what on every call. Declarative: {@link BackendServices} makes the proxy;
 * the default methods only adapt the views' arguments to the contract's records.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface QuestionClient {

    /**
     * Asks a question; the backend routes it to an on-duty expert or queues it.
     *
     * @throws BackendException 400 {@code validation} with field errors for missing or invalid fields
     */
    @PostExchange("/api/questions")
    QuestionCreated create(@RequestBody QuestionInput question);

    /** Asks a question, leaving out a blank contact preference. */
    default QuestionCreated ask(QuestionInput q) {
        String contact = q.contactPref() == null || q.contactPref().isBlank() ? null : q.contactPref();
        return create(new QuestionInput(q.title(), q.body(), q.kind(), q.severity(), q.category(), contact));
    }

    /**
     * One question with its conversation, timeline, rating and the actions the caller may take.
     *
     * @throws BackendException 404 {@code question-not-found}, also for questions the caller may not see
     */
    @GetExchange("/api/questions/{id}")
    QuestionDetail get(@PathVariable long id);

    /**
     * The caller's questions: with {@code mine} those the caller asked, newest first; else by role (an expert's
     * assigned ones, a user's organisation's, an administrator's latest).
     */
    @GetExchange("/api/questions")
    List<QuestionDetail> list(@RequestParam(required = false) Boolean mine);

    /** The questions the caller asked, newest first. */
    default List<QuestionDetail> mine() {
        return list(true);
    }

    /** The caller's questions by role. */
    default List<QuestionDetail> list() {
        return list((Boolean) null);
    }

    /** Unassigned open questions in the caller's skills (EXPERT, ADMIN). */
    @GetExchange("/api/expert/queue")
    List<QuestionDetail> queue();

    /**
     * Adds a message. From the assignee it answers the question, or with {@code waitForUser} asks the user for
     * information; from the asker it is a follow-up.
     *
     * @throws BackendException 400 {@code empty-body}; 409 {@code illegal-transition}
     */
    @PostExchange("/api/questions/{id}/messages")
    QuestionDetail message(@PathVariable long id, @RequestBody MessageInput message);

    default QuestionDetail message(long id, String body, boolean waitForUser) {
        return message(id, new MessageInput(body, waitForUser ? Boolean.TRUE : null));
    }

    /** Marks an answered question resolved (asker, assignee, ADMIN); 409 unless ANSWERED. */
    @PostExchange("/api/questions/{id}/resolve")
    QuestionDetail resolve(@PathVariable long id);

    /** Opens a resolved question again (asker, ADMIN); 409 unless RESOLVED. */
    @PostExchange("/api/questions/{id}/reopen")
    QuestionDetail reopen(@PathVariable long id, @RequestBody(required = false) ReasonInput reason);

    default QuestionDetail reopen(long id, String reason) {
        return reopen(id, reason == null || reason.isBlank() ? null : new ReasonInput(reason));
    }

    /** Takes a queued question (EXPERT with the skill); 409 {@code question-taken} when someone was faster. */
    @PostExchange("/api/questions/{id}/claim")
    QuestionDetail claim(@PathVariable long id);

    /** Experts on duty now, the people a question can be handed over to. */
    @GetExchange("/api/duty/now")
    List<OnDuty> onDuty();

    /** Per tier, who is on duty now with the skill of {@code category}, and the next shift start. */
    @GetExchange("/api/expert/duty/now")
    DutyNow dutyByTier(@RequestParam(required = false) String category);

    /** Gives the question to another expert (assignee, ADMIN); 409 {@code already-assignee}. */
    @PostExchange("/api/questions/{id}/handover")
    QuestionDetail handover(@PathVariable long id, @RequestBody HandoverInput handover);

    default QuestionDetail handover(long id, long toUserId, String note) {
        return handover(id, new HandoverInput(toUserId, note == null || note.isBlank() ? null : note));
    }

    /** Hands the question to the next tier (assignee, ADMIN). */
    @PostExchange("/api/questions/{id}/escalate")
    QuestionDetail escalate(@PathVariable long id, @RequestBody EscalateInput reason);

    default QuestionDetail escalate(long id, String reason) {
        return escalate(id, new EscalateInput(reason));
    }

    /** The asker's rating, once, when RESOLVED or CLOSED; 409 {@code already-rated}. */
    @PostExchange("/api/questions/{id}/rating")
    QuestionDetail rate(@PathVariable long id, @RequestBody RatingInput rating);

    default QuestionDetail rate(long id, int attitude, int expertise, int timeliness, String comment) {
        return rate(
                id,
                new RatingInput(
                        attitude, expertise, timeliness, comment == null || comment.isBlank() ? null : comment));
    }

    /** Turns the question and its answers into a DRAFT article (EXPERT, ADMIN). */
    @PostExchange("/api/questions/{id}/publish")
    PublishedDraft publish(@PathVariable long id, @RequestBody PublishInput type);

    /**
     * Turns the question and its answers into a DRAFT article.
     *
     * @param type FAQ or CASE
     * @return the new article's id
     */
    default String publish(long id, String type) {
        PublishedDraft draft = publish(id, new PublishInput(type));
        return draft == null ? null : draft.articleId();
    }

    /** Counts "this solved my problem" for an article found while asking. */
    @PostExchange("/api/questions/deflections")
    Deflections deflect(@RequestBody DeflectionInput deflection);

    /**
     * Counts "this solved my problem" for an article found while asking; the query is cut to the 500 characters
     * the backend keeps.
     *
     * @return how many deflections there are now
     */
    default long deflect(String articleId, String query) {
        String q = query == null || query.isBlank() ? null : query.length() > 500 ? query.substring(0, 500) : query;
        Deflections answer = deflect(new DeflectionInput(articleId, q));
        return answer == null ? 0 : answer.deflections();
    }

    /** Attaches files to a question, all or none, as {@code bearer} ({@code Bearer <token>}). */
    @PostExchange(url = "/api/questions/{id}/attachments", contentType = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<QuestionDetail.Attachment> upload(
            @PathVariable long id,
            @RequestPart("file") List<Resource> files,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer);

    /**
     * Attaches files to a question, all or none. Takes the token explicitly, because uploads finish outside the
     * request that started them.
     *
     * @return every attachment of the question now
     * @throws BackendException 413 {@code file-too-large}; 415 {@code file-type-not-allowed} or {@code
     *     file-type-mismatch}; 400 {@code too-many-attachments}; 404 when the question is not the caller's to see;
     *     409 when it is closed
     */
    default List<QuestionDetail.Attachment> attach(long id, List<FileUpload> files, String token) {
        List<Resource> parts =
                files.stream().<Resource>map(FileUpload::resource).toList();
        return upload(id, parts, "Bearer " + token);
    }

    /** A question's attachment, for {@link BackendFiles}; the backend answers 404 to whoever may not see it. */
    default BackendFiles.Request attachmentFile(long id, String fileId) {
        return BackendFiles.Request.of("/api/questions/" + id + "/attachments/" + fileId);
    }
}
