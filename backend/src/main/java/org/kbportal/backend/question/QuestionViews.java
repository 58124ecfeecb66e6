package org.kbportal.backend.question;

import java.util.List;
import java.util.Set;
import org.kbportal.contract.question.QuestionAction;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionDetail.Attachment;
import org.kbportal.contract.question.QuestionDetail.Event;
import org.kbportal.contract.question.QuestionDetail.Message;
import org.kbportal.contract.question.QuestionDetail.Rating;

/** Builds the API's {@link QuestionDetail} of a stored {@link Question}. */
final class QuestionViews {

    private QuestionViews() {}

    static QuestionDetail of(Question q) {
        return of(q, null, null, null, null);
    }

    static QuestionDetail of(
            Question q, List<Event> timeline, List<Message> messages, Rating rating, List<Attachment> attachments) {
        return of(q, timeline, messages, rating, attachments, null);
    }

    /** The detail view with what the caller may do now ({@link AllowedActions#of}). */
    static QuestionDetail of(
            Question q,
            List<Event> timeline,
            List<Message> messages,
            Rating rating,
            List<Attachment> attachments,
            Set<QuestionAction> actions) {
        return new QuestionDetail(
                q.id(),
                q.title(),
                q.body(),
                q.kind(),
                q.severity(),
                q.category(),
                q.askerName(),
                q.askerOrg(),
                q.contactPref(),
                q.status().name(),
                q.assigneeName(),
                q.tier().name(),
                q.escalated(),
                q.clocks().replyDueAt(),
                q.clocks().resolveDueAt(),
                q.firstReplyAt(),
                q.resolvedAt(),
                q.closedAt(),
                q.pausedSince() != null,
                q.pausedSeconds(),
                q.clocks().replyBreached(),
                q.clocks().resolveBreached(),
                q.articleId(),
                q.version(),
                q.createdAt(),
                q.updatedAt(),
                timeline,
                messages,
                rating,
                attachments,
                actions == null ? null : List.copyOf(actions));
    }
}
