package org.kbportal.ui.article;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.ArticleClient;
import org.kbportal.ui.client.ArticleFilter;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.i18n.Content;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;

/**
 * All articles, drafts and archived ones included ({@code admin/articles}, ADMIN only): filters,
 * a lazily paged grid, and the way into the editor.
 */
@Route(Routes.ADMIN_ARTICLES)
class ArticleListView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final String ANY = "";

    private final ArticleClient articles;
    private final CategoryCatalog categories;
    private final DateTimes dates;
    private final CurrentUser user;

    private final Select<String> type = new Select<>();
    private final Select<String> status = new Select<>();
    private final ComboBox<Category> category = new ComboBox<>();
    private final Select<String> lang = new Select<>();
    private final TextField text = new TextField();
    private final Grid<Article> grid = new Grid<>();

    ArticleListView(ArticleClient articles, CategoryCatalog categories, DateTimes dates, CurrentUser user) {
        this.articles = articles;
        this.categories = categories;
        this.dates = dates;
        this.user = user;
        addClassName("kb-admin-list");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // build only for administrators: the grid would otherwise query the backend right away
        if (AdminAccess.check(event, user) && getComponentCount() == 0) {
            Button create = new Button(getTranslation("admin.new"), VaadinIcon.PLUS.create());
            create.setId("article-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(Routes.editor(null))));
            Div top = new Div(new H1(getTranslation("admin.title")), create);
            top.addClassName("kb-admin-top");
            add(top, filters(), grid());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title") + " · " + getTranslation("app.name");
    }

    private Div filters() {
        choice(type, "filter-type", "field.type", Article.TYPES, "type.");
        choice(status, "filter-status", "field.status", Article.STATUSES, "status.");
        choice(lang, "filter-lang", "field.lang", Article.LANGS, "lang.");
        category.setId("filter-category");
        category.setLabel(getTranslation("field.category"));
        category.setItems(categories.all());
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("admin.filter.any"));
        category.addValueChangeListener(e -> refresh());
        text.setId("filter-text");
        text.setLabel(getTranslation("admin.filter.text"));
        text.setPlaceholder(getTranslation("admin.filter.text.placeholder"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        Div bar = new Div(text, type, status, category, lang);
        bar.addClassName("kb-filters");
        return bar;
    }

    private void choice(Select<String> select, String id, String labelKey, List<String> values, String textPrefix) {
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        List<String> items = new java.util.ArrayList<>();
        items.add(ANY);
        items.addAll(values);
        select.setItems(items);
        select.setValue(ANY);
        select.setItemLabelGenerator(
                v -> v.isEmpty() ? getTranslation("admin.filter.any") : getTranslation(textPrefix + v));
        select.addValueChangeListener(e -> refresh());
    }

    private Grid<Article> grid() {
        grid.setId("article-grid");
        grid.addColumn(Content.text(Article::title))
                .setHeader(getTranslation("field.title"))
                .setWidth("10rem")
                .setFlexGrow(1);
        grid.addColumn(Content.text(Article::id))
                .setHeader(getTranslation("field.id"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(a -> ArticleBadges.type(a.type()))
                .setHeader(getTranslation("field.type"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> categories.name(a.category(), getLocale()))
                .setHeader(getTranslation("field.category"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> getTranslation("lang." + a.lang()))
                .setHeader(getTranslation("field.lang"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(a -> ArticleBadges.status(a.status()))
                .setHeader(getTranslation("field.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> "v" + a.version())
                .setHeader(getTranslation("history.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<Article>of(
                                "<span class=\"kb-content\">${item.by}</span><br><span class=\"kb-grid-time\">${item.at}</span>")
                        .withProperty("by", a -> a.updatedBy() == null ? "" : a.updatedBy())
                        .withProperty("at", a -> dates.format(a.updatedAt())))
                .setHeader(getTranslation("admin.updated"))
                // who and when: the time goes under the name rather than widening the grid
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::editButton).setAutoWidth(true).setFlexGrow(0);
        // at 1366 px beside the admin menu every column fits: figures take their own width, titles wrap
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setItems(
                query -> PageSlicer.fetch(
                        query.getOffset(),
                        query.getLimit(),
                        (page, size) -> articles.list(filter(), page, size).items())
                        .stream(),
                query -> (int) Math.min(
                        Integer.MAX_VALUE, articles.list(filter(), 0, 1).total()));
        grid.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate(Routes.editor(e.getItem().id()))));
        return grid;
    }

    private Button editButton(Article article) {
        Button edit = new Button(getTranslation("article.edit"), VaadinIcon.EDIT.create());
        edit.setId("edit-" + article.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(Routes.editor(article.id()))));
        return edit;
    }

    private ArticleFilter filter() {
        return new ArticleFilter(
                type.getValue(),
                status.getValue(),
                category.getValue() == null ? null : category.getValue().code(),
                lang.getValue(),
                text.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
