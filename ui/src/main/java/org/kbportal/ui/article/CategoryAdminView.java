package org.kbportal.ui.article;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.Curation;
import org.kbportal.ui.client.CurationClient;
import org.kbportal.ui.i18n.Content;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * The category tree and tags ({@code admin/categories}, ADMIN): create, rename, move, merge
 * categories; rename or merge tags. Articles are never lost: the backend moves them first.
 */
@Route(Routes.ADMIN_CATEGORIES)
class CategoryAdminView extends GuardedPage {

    private final CurationClient curation;
    private final CategoryCatalog catalog;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final Grid<Category> tree = new Grid<>();
    private final Grid<Curation.TagCount> tags = new Grid<>();
    private final ComboBox<Category> selected = categoryBox("category-selected", "categories.selected");
    private final ComboBox<Category> target = categoryBox("category-target", "categories.target");
    private final TextField code = new TextField();
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField tagFrom = new TextField();
    private final TextField tagTo = new TextField();
    private final Div message = new Div();

    CategoryAdminView(CurationClient curation, CategoryCatalog catalog, CurrentUser user, ErrorMessages errors) {
        super("categories.title");
        this.curation = curation;
        this.catalog = catalog;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.check(event, user);
    }

    @Override
    protected void build() {
        tree.setId("category-grid");
        tree.addColumn(Content.text(Category::code))
                .setHeader(getTranslation("categories.col.code"))
                .setAutoWidth(true);
        tree.addColumn(Content.text(Category::nameZh))
                .setHeader(getTranslation("categories.col.zh"))
                .setAutoWidth(true);
        tree.addColumn(Content.text(Category::nameEn))
                .setHeader(getTranslation("categories.col.en"))
                .setAutoWidth(true);
        tree.addColumn(Content.text(c -> c.parentCode() == null ? "—" : c.parentCode()))
                .setHeader(getTranslation("categories.col.parent"))
                .setAutoWidth(true);
        tree.addThemeVariants(GridVariant.LUMO_COMPACT);
        tree.setAllRowsVisible(true);
        tree.addItemClickListener(e -> {
            selected.setValue(e.getItem());
            nameZh.setValue(e.getItem().nameZh());
            nameEn.setValue(e.getItem().nameEn());
        });
        code.setId("category-code");
        code.setLabel(getTranslation("categories.code"));
        nameZh.setId("category-name-zh");
        nameZh.setLabel(getTranslation("categories.col.zh"));
        nameEn.setId("category-name-en");
        nameEn.setLabel(getTranslation("categories.col.en"));
        message.setId("category-error");
        message.addClassName("kb-error");
        message.setVisible(false);
        Div actions = new Div(
                button(
                        "category-create",
                        "categories.create",
                        () -> curation.createCategory(
                                code.getValue().strip(), codeOf(target), nameZh.getValue(), nameEn.getValue())),
                button(
                        "category-rename",
                        "categories.rename",
                        () -> curation.renameCategory(required(selected), nameZh.getValue(), nameEn.getValue())),
                button(
                        "category-move",
                        "categories.move",
                        () -> curation.moveCategory(required(selected), codeOf(target))),
                button(
                        "category-merge",
                        "categories.merge",
                        () -> curation.mergeCategory(required(selected), required(target))));
        actions.addClassName("kb-actions");
        Div form = new Div(selected, target, code, nameZh, nameEn);
        form.addClassName("kb-form-row");

        tags.setId("tag-grid");
        tags.addColumn(Content.text(Curation.TagCount::tag))
                .setHeader(getTranslation("categories.tag"))
                .setFlexGrow(1);
        tags.addColumn(Curation.TagCount::articles)
                .setHeader(getTranslation("categories.tag.articles"))
                .setAutoWidth(true);
        tags.addThemeVariants(GridVariant.LUMO_COMPACT);
        tags.setAllRowsVisible(true);
        tags.addItemClickListener(e -> tagFrom.setValue(e.getItem().tag()));
        tagFrom.setId("tag-from");
        tagFrom.setLabel(getTranslation("categories.tag.from"));
        tagTo.setId("tag-to");
        tagTo.setLabel(getTranslation("categories.tag.to"));
        Div tagForm = new Div(
                tagFrom,
                tagTo,
                button(
                        "tag-rename",
                        "categories.tag.rename",
                        () -> curation.renameTag(tagFrom.getValue(), tagTo.getValue())));
        tagForm.addClassName("kb-form-row");
        add(
                new H1(getTranslation("categories.title")),
                message,
                tree,
                form,
                actions,
                new H2(getTranslation("categories.tags")),
                tags,
                tagForm);
    }

    @Override
    protected void refresh() {
        catalog.refresh();
        List<Category> all = catalog.all();
        tree.setItems(all);
        selected.setItems(all);
        target.setItems(all);
        tags.setItems(curation.tags());
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(getTranslation(key), e -> {
            try {
                action.run();
                message.setVisible(false);
                Notification.show(getTranslation("categories.done"), 3000, Notification.Position.BOTTOM_END);
                refresh();
            } catch (BackendException ex) {
                message.setText(errors.describe(ex, getLocale()));
                message.setVisible(true);
            } catch (IllegalArgumentException ex) {
                message.setText(getTranslation("categories.choose"));
                message.setVisible(true);
            }
        });
        b.setId(id);
        return b;
    }

    private ComboBox<Category> categoryBox(String id, String key) {
        ComboBox<Category> box = new ComboBox<>(getTranslation(key));
        box.setId(id);
        box.setItemLabelGenerator(c -> c.code() + " · " + c.nameZh());
        box.setClearButtonVisible(true);
        return box;
    }

    private static String codeOf(ComboBox<Category> box) {
        return box.getValue() == null ? null : box.getValue().code();
    }

    private static String required(ComboBox<Category> box) {
        if (box.getValue() == null) {
            throw new IllegalArgumentException("no category chosen");
        }
        return box.getValue().code();
    }
}
