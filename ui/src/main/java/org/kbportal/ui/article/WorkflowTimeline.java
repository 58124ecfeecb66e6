package org.kbportal.ui.article;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kbportal.ui.client.Curation;
import org.kbportal.ui.i18n.DateTimes;

/** An article's history, newest first: who did what when, with the reviewer's comments. */
public class WorkflowTimeline extends Composite<Div> {

    private static final Pattern FROM_QUESTION = Pattern.compile("^proposed from question (\\d+)$");

    private final Grid<Curation.Event> grid = new Grid<>();

    public WorkflowTimeline(DateTimes dates) {
        grid.setId("workflow-timeline");
        grid.addColumn(e -> dates.format(e.at()))
                .setHeader(getTranslation("timeline.at"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("timeline.action." + e.action()))
                .setHeader(getTranslation("timeline.action"))
                .setAutoWidth(true);
        grid.addComponentColumn(e -> ArticleBadges.status(e.toStatus()))
                .setHeader(getTranslation("history.status"))
                .setAutoWidth(true);
        grid.addColumn(e -> "v" + e.version())
                .setHeader(getTranslation("history.version"))
                .setAutoWidth(true);
        grid.addColumn(Curation.Event::actor)
                .setHeader(getTranslation("timeline.actor"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::comment)
                .setHeader(getTranslation("timeline.comment"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("timeline.empty"));
        grid.setAllRowsVisible(true);
        getContent().addClassName("kb-timeline");
        getContent().add(new H2(getTranslation("timeline.heading")), grid);
    }

    /** The portal's own note (a draft proposed from a question) in words; a reviewer's comment as written. */
    private Span comment(Curation.Event e) {
        String text = e.comment() == null ? "" : e.comment();
        Matcher fromQuestion = FROM_QUESTION.matcher(text);
        if (fromQuestion.matches()) {
            return new Span(getTranslation("timeline.comment.from-question", fromQuestion.group(1)));
        }
        Span comment = new Span(text);
        comment.addClassName("kb-content");
        return comment;
    }

    public void show(List<Curation.Event> events) {
        grid.setItems(events);
    }
}
