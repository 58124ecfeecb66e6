package org.kbportal.ui.review;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.kbportal.ui.article.ArticleBadges;
import org.kbportal.ui.client.Curation;
import org.kbportal.ui.i18n.DateTimes;

/** An article's history, newest first: who did what when, with the reviewer's comments. */
public class WorkflowTimeline extends Composite<Div> {

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
        grid.addColumn(e -> e.comment() == null ? "" : e.comment())
                .setHeader(getTranslation("timeline.comment"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        getContent().addClassName("kb-timeline");
        getContent().add(new H2(getTranslation("timeline.heading")), grid);
    }

    public void show(List<Curation.Event> events) {
        grid.setItems(events);
    }
}
