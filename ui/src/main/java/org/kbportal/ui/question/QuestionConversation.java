package org.kbportal.ui.question;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.ui.i18n.DateTimes;

/** The messages between the asker and the experts, oldest first. */
class QuestionConversation extends Div {

    private static final long serialVersionUID = 1L;

    QuestionConversation(QuestionDetail q, DateTimes dates) {
        add(new H2(getTranslation("question.conversation")));
        setId("question-messages");
        if (q.messages().isEmpty()) {
            Span none = new Span(getTranslation("question.conversation.empty"));
            none.addClassName("kb-summary");
            add(none);
        }
        for (QuestionDetail.Message m : q.messages()) {
            Span who = new Span(getTranslation(
                    m.fromExpert() ? "question.message.expert" : "question.message.user",
                    m.authorName() == null ? m.author() : m.authorName(),
                    dates.format(m.at())));
            who.addClassName("kb-summary");
            Div item = new Div(who, html(m.body()));
            item.addClassName("question-message");
            if (m.fromExpert()) {
                item.addClassName("from-expert");
            }
            add(item);
        }
    }

    /** Rich text someone wrote, cleaned of anything but formatting. */
    static Div html(String html) {
        Div div = new Div();
        div.getElement().setProperty("innerHTML", QuestionHtml.clean(html));
        div.addClassNames("kb-rich-text", "kb-content");
        return div;
    }
}
