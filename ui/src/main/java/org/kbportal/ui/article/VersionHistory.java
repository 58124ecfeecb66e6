package org.kbportal.ui.article;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import org.kbportal.ui.client.ArticleVersion;
import org.kbportal.ui.i18n.DateTimes;

/** The saved versions of an article; a click shows that version's content in a dialog. */
class VersionHistory extends Composite<Div> {

    private final MarkdownRenderer markdown;
    private final Grid<ArticleVersion> grid = new Grid<>();

    VersionHistory(MarkdownRenderer markdown, DateTimes dates) {
        this(markdown, dates, null);
    }

    /** With {@code restore} (admins), each version gets a button that restores it as a new version. */
    VersionHistory(MarkdownRenderer markdown, DateTimes dates, java.util.function.Consumer<ArticleVersion> restore) {
        this.markdown = markdown;
        grid.setId("version-grid");
        grid.addColumn(v -> "v" + v.version())
                .setHeader(getTranslation("history.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(v -> ArticleBadges.status(v.status()))
                .setHeader(getTranslation("history.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(org.kbportal.ui.i18n.Content.text(ArticleVersion::title))
                .setHeader(getTranslation("history.title"))
                .setFlexGrow(1);
        grid.addColumn(ArticleVersion::savedBy)
                .setHeader(getTranslation("history.saved-by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> dates.format(v.savedAt()))
                .setHeader(getTranslation("history.saved-at"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (restore != null) {
            grid.addComponentColumn(v -> {
                        Button b = new Button(getTranslation("history.restore"), e -> restore.accept(v));
                        b.setId("history-restore-" + v.version());
                        b.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
                        return b;
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        getContent().addClassName("kb-history");
        getContent().add(new H2(getTranslation("history.heading")), grid);
    }

    void show(List<ArticleVersion> versions) {
        grid.setItems(versions);
    }

    private void open(ArticleVersion version) {
        Dialog dialog = new Dialog();
        dialog.setId("version-dialog");
        dialog.setHeaderTitle(getTranslation("history.dialog.title", version.version(), version.savedBy()));
        Div badges = new Div(ArticleBadges.type(version.type()), ArticleBadges.status(version.status()));
        badges.addClassName("kb-meta");
        Div content = new Div(badges, new H3(version.title()), new ArticleContent(version.toArticle(), markdown));
        content.addClassName("kb-version-content");
        dialog.add(content);
        Button close = new Button(getTranslation("history.dialog.close"), e -> dialog.close());
        close.setId("version-dialog-close");
        dialog.getFooter().add(close);
        dialog.setWidth("min(60rem, 95vw)");
        dialog.open();
    }
}
