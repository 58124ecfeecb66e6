package org.kbportal.ui.article;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.kbportal.ui.client.ArticleClient;
import org.kbportal.ui.client.ArticleVersion;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.ManualClient;
import org.kbportal.ui.client.VersionDiff;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;

/**
 * Two versions of an article side by side as a diff ({@code diff/:id?from=&to=}): which sections
 * of a manual were added, removed or changed, and the changed lines with context. Two selects pick
 * the versions.
 */
@Access(Audience.EVERYONE)
@Route(Routes.DIFF + "/:id")
class VersionDiffView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ArticleClient articles;
    private final ManualClient manuals;
    private final ErrorMessages errors;
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final Div result = new Div();
    private String id;

    VersionDiffView(ArticleClient articles, ManualClient manuals, ErrorMessages errors) {
        this.articles = articles;
        this.manuals = manuals;
        this.errors = errors;
        addClassName("kb-admin-page");
        from.setId("diff-from");
        to.setId("diff-to");
        from.setLabel(getTranslation("diff.from"));
        to.setLabel(getTranslation("diff.to"));
        from.setItemLabelGenerator(v -> "v" + v);
        to.setItemLabelGenerator(v -> "v" + v);
        result.setId("diff-result");
        from.addValueChangeListener(e -> show());
        to.addValueChangeListener(e -> show());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse("");
        var params = event.getLocation().getQueryParameters().getParameters();
        removeAll();
        List<Integer> versions;
        try {
            versions =
                    articles.versions(id).stream().map(ArticleVersion::version).toList();
        } catch (BackendException e) {
            add(new Span(errors.describe(e, getLocale())));
            return;
        }
        from.setItems(versions);
        to.setItems(versions);
        int newest = versions.isEmpty() ? 1 : versions.get(0);
        to.setValue(number(params.get("to"), newest));
        from.setValue(number(params.get("from"), Math.max(1, newest - 1)));
        Div pickers = new Div(from, to);
        pickers.addClassName("kb-form-row");
        add(
                Routes.link(Routes.article(id), getTranslation("diff.back")),
                new H1(getTranslation("diff.title", id)),
                pickers,
                result);
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("diff.title", id == null ? "" : id) + " · " + getTranslation("app.name");
    }

    private void show() {
        result.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        VersionDiff diff;
        try {
            diff = manuals.diff(id, from.getValue(), to.getValue());
        } catch (BackendException e) {
            result.add(new Span(errors.describe(e, getLocale())));
            return;
        }
        Span summary = new Span(getTranslation("diff.summary", diff.added(), diff.removed()));
        summary.setId("diff-summary");
        result.add(summary);
        if (!diff.sections().isEmpty()) {
            UnorderedList sections = new UnorderedList();
            sections.setId("diff-sections");
            for (VersionDiff.SectionChange c : diff.sections()) {
                ListItem item = new ListItem(
                        new Span(getTranslation("diff.change." + c.change())), new Span(" " + c.heading()));
                item.addClassName("kb-diff-" + c.change().toLowerCase(java.util.Locale.ROOT));
                sections.add(item);
            }
            result.add(new H2(getTranslation("diff.sections")), sections);
        }
        Div lines = new Div();
        lines.setId("diff-lines");
        for (VersionDiff.Hunk h : diff.hunks()) {
            StringBuilder text = new StringBuilder("@@ -" + h.fromLine() + " +" + h.toLine() + " @@\n");
            for (VersionDiff.Line l : h.lines()) {
                text.append(
                                switch (l.op()) {
                                    case "ADDED" -> "+ ";
                                    case "REMOVED" -> "- ";
                                    default -> "  ";
                                })
                        .append(l.text())
                        .append('\n');
            }
            Pre pre = new Pre(text.toString());
            pre.addClassName("kb-diff-hunk");
            lines.add(pre);
        }
        result.add(new H2(getTranslation("diff.lines")), lines);
    }

    private static int number(List<String> values, int fallback) {
        try {
            return values == null || values.isEmpty() ? fallback : Integer.parseInt(values.get(0));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
