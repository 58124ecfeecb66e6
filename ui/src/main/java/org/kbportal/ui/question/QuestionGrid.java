package org.kbportal.ui.question;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.navigation.Routes;

/** A list of questions: status, severity, title (a link to the question), assignee and due times. */
final class QuestionGrid extends Grid<QuestionDetail> {

    /** Narrower than this, only status, severity and title are shown: a title must stay readable on a phone. */
    static final int NARROW_PX = 700;

    private List<QuestionDetail> items = List.of();
    private final List<Column<QuestionDetail>> secondary = new ArrayList<>();
    private Registration resizing;

    QuestionGrid(String id, QuestionTexts texts, DateTimes dates, String emptyText) {
        setId(id);
        addComponentColumn(texts::statusBadge)
                .setHeader(getTranslation("question.col.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addComponentColumn(q -> texts.severityBadge(q.severity()))
                .setHeader(getTranslation("question.col.severity"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addComponentColumn(q -> {
                    Anchor link = Routes.link(Routes.question(q.id()), "#" + q.id() + " " + q.title());
                    link.addClassNames("question-link", "kb-content");
                    return link;
                })
                .setHeader(getTranslation("question.col.title"))
                .setFlexGrow(1);
        secondary.add(addColumn(texts::assignee)
                .setHeader(getTranslation("question.col.assignee"))
                .setAutoWidth(true)
                .setFlexGrow(0));
        secondary.add(addColumn(q -> texts.due(q.replyDueAt(), q.replyBreached()))
                .setHeader(getTranslation("question.col.reply-due"))
                .setAutoWidth(true)
                .setFlexGrow(0));
        secondary.add(addColumn(q -> texts.due(q.resolveDueAt(), q.resolveBreached()))
                .setHeader(getTranslation("question.col.resolve-due"))
                .setAutoWidth(true)
                .setFlexGrow(0));
        secondary.add(addColumn(q -> dates.format(q.createdAt()))
                .setHeader(getTranslation("question.col.created"))
                .setAutoWidth(true)
                .setFlexGrow(0));
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        setEmptyStateText(emptyText);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        Page page = attach.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fit(details.getWindowInnerWidth()));
        resizing = page.addBrowserWindowResizeListener(e -> fit(e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (resizing != null) {
            resizing.remove();
            resizing = null;
        }
        super.onDetach(detach);
    }

    /** Hides the assignee, due and created columns on narrow screens (they are on the question page). */
    private void fit(int width) {
        boolean wide = width <= 0 || width >= NARROW_PX;
        secondary.forEach(c -> c.setVisible(wide));
    }

    /**
     * Shows these questions; an unchanged list is left alone, so polling does not disturb
     * scrolling or clicks.
     */
    void show(List<QuestionDetail> questions) {
        if (!questions.equals(items)) {
            items = List.copyOf(questions);
            setItems(items);
        }
    }

    int size() {
        return items.size();
    }
}
