package org.kbportal.ui.question;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.ui.i18n.DateTimes;

/** The words for a question's codes (status, severity, kind, timeline events) in the user's language. */
final class QuestionTexts {

    private final Component owner;
    private final DateTimes dates;

    QuestionTexts(Component owner, DateTimes dates) {
        this.owner = owner;
        this.dates = dates;
    }

    String status(String code) {
        return known("question.status.", code);
    }

    String kind(String code) {
        return known("question.kind.", code);
    }

    String severity(String code) {
        return known("question.severity.", code);
    }

    String event(String code) {
        return known("question.event.", code);
    }

    /** The status as a badge; escalated questions say so. */
    Span statusBadge(QuestionDetail q) {
        Span badge = new Span(status(q.status()) + (q.escalated() ? " · " + q.tier() : ""));
        badge.addClassName("kb-badge");
        if (q.isFinished()) {
            badge.addClassName("kb-badge-q-done");
        } else if (q.replyBreached() || q.resolveBreached()) {
            badge.addClassName("kb-badge-q-late");
        }
        badge.getElement().setAttribute("data-status", q.status());
        return badge;
    }

    Span severityBadge(String code) {
        Span badge = new Span(severity(code));
        badge.addClassName("kb-badge");
        if ("A".equals(code) || "B".equals(code)) {
            badge.addClassName("kb-badge-q-late");
        }
        return badge;
    }

    /** The assigned expert, or "in the queue". */
    String assignee(QuestionDetail q) {
        return q.assignee() == null ? text("question.assignee.none") : q.assignee();
    }

    /** A due time, marked when the deadline was missed; a dash when there is none. */
    String due(Instant at, boolean breached) {
        if (at == null) {
            return "—";
        }
        return breached ? text("question.due.breached", dates.format(at)) : dates.format(at);
    }

    private String text(String key, Object... params) {
        return owner.getTranslation(key, params);
    }

    /** The translation of a code, or the code itself for codes newer than this UI. */
    private String known(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String text = owner.getTranslation(prefix + code);
        return text.startsWith("!") ? code : text;
    }
}
