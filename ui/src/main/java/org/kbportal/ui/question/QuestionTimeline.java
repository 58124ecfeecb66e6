package org.kbportal.ui.question;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.i18n.DateTimes;

/** A question's timeline: one line per event, with who did it and what they noted. */
class QuestionTimeline extends Div {

    private static final long serialVersionUID = 1L;

    QuestionTimeline(QuestionDetail q, DateTimes dates, CategoryCatalog categories) {
        add(new H2(getTranslation("question.timeline")));
        setId("question-timeline");
        UnorderedList events = new UnorderedList();
        TimelineTexts words =
                new TimelineTexts(this::getTranslation, dates::format, code -> categories.name(code, getLocale()));
        for (QuestionDetail.Event e : q.timeline()) {
            TimelineTexts.Line line = words.line(e);
            ListItem item = new ListItem(new Span(line.when() + " · " + line.sentence()));
            // names and what people wrote are content, in whatever language they were written
            if (line.actor() != null) {
                item.add(new Span(" · "), content(line.actor()));
            }
            if (line.note() != null) {
                item.add(new Span(" · "), content(line.note()));
            }
            item.addClassName("question-event");
            events.add(item);
        }
        add(events);
    }

    private static Span content(String text) {
        Span span = new Span(text);
        span.addClassName("kb-content");
        return span;
    }
}
