package org.kbportal.ui.search;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Locale;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.SynonymClient;
import org.kbportal.ui.client.SynonymGroup;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * The synonym groups searches expand queries with ({@code admin/synonyms}, ADMIN only): a list
 * with a quick filter, a dialog to create or edit a group, deletion after a confirmation. Changes
 * apply to searches at once; no reindexing.
 */
@Route(Routes.ADMIN_SYNONYMS)
class SynonymsView extends GuardedPage {

    private final SynonymClient synonyms;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;

    private final TextField filter = new TextField();
    private final Span count = new Span();
    private final Div message = new Div();
    private final Grid<SynonymGroup> grid = new Grid<>();
    private List<SynonymGroup> groups = List.of();

    SynonymsView(SynonymClient synonyms, DateTimes dates, CurrentUser user, ErrorMessages errors) {
        super("synonyms.title");
        this.synonyms = synonyms;
        this.dates = dates;
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
        Button create = new Button(getTranslation("synonyms.new"), VaadinIcon.PLUS.create());
        create.setId("synonym-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> edit(null));
        Div top = new Div(new H1(getTranslation("synonyms.title")), create);
        top.addClassName("kb-admin-top");
        Paragraph intro = new Paragraph(getTranslation("synonyms.intro"));
        intro.addClassName("kb-intro");
        message.setId("synonym-error");
        message.addClassName("kb-error");
        message.setVisible(false);

        filter.setId("synonym-filter");
        filter.setLabel(getTranslation("synonyms.filter"));
        filter.setPlaceholder(getTranslation("synonyms.filter.placeholder"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> showGroups());
        count.setId("synonym-count");
        count.addClassName("kb-summary");
        Div bar = new Div(filter, count);
        bar.addClassName("kb-filters");

        add(top, intro, message, bar, grid());
    }

    private Grid<SynonymGroup> grid() {
        grid.setId("synonym-grid");
        grid.addComponentColumn(this::termChips)
                .setHeader(getTranslation("synonyms.terms"))
                .setFlexGrow(1);
        grid.addColumn(g -> g.updatedBy() + " · " + dates.format(g.updatedAt()))
                .setHeader(getTranslation("synonyms.updated"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("synonyms.empty"));
        return grid;
    }

    private Div termChips(SynonymGroup group) {
        Div chips = new Div();
        chips.addClassNames("kb-terms", "kb-content");
        group.terms().forEach(t -> {
            Span chip = new Span(t);
            chip.addClassName("kb-term");
            chips.add(chip);
        });
        return chips;
    }

    private Div actions(SynonymGroup group) {
        Button edit = new Button(getTranslation("synonyms.edit"), VaadinIcon.EDIT.create());
        edit.setId("synonym-edit-" + group.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.addClickListener(e -> edit(group));
        Button delete = new Button(getTranslation("synonyms.delete"), VaadinIcon.TRASH.create());
        delete.setId("synonym-delete-" + group.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete(group));
        Div buttons = new Div(edit, delete);
        buttons.addClassName("kb-row-actions");
        return buttons;
    }

    @Override
    protected void refresh() {
        try {
            groups = synonyms.list();
            message.setVisible(false);
        } catch (BackendException e) {
            showMessage(e);
        }
        showGroups();
    }

    /** The groups that have a term containing the filter text, ignoring case. */
    private void showGroups() {
        String wanted = filter.getValue().strip().toLowerCase(Locale.ROOT);
        List<SynonymGroup> shown = wanted.isEmpty()
                ? groups
                : groups.stream()
                        .filter(g -> g.terms().stream()
                                .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(wanted)))
                        .toList();
        grid.setItems(shown);
        count.setText(getTranslation("synonyms.count", shown.size()));
    }

    private void edit(SynonymGroup group) {
        SynonymEditor editor = new SynonymEditor(group);
        editor.addSaveListener(e -> save(editor, e.terms()));
        editor.open();
    }

    private void save(SynonymEditor editor, List<String> terms) {
        try {
            if (editor.group() == null) {
                synonyms.create(terms);
            } else {
                synonyms.update(editor.group().id(), terms);
            }
        } catch (BackendException e) {
            editor.showError(errors.describe(e, getLocale()));
            return;
        }
        editor.close();
        notifySuccess("synonyms.saved");
        refresh();
    }

    private void confirmDelete(SynonymGroup group) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("synonym-delete-dialog");
        confirm.setHeader(getTranslation("synonyms.delete.title"));
        confirm.setText(new Div(new Paragraph(getTranslation("synonyms.delete.text")), termChips(group)));
        Button cancel = new Button(getTranslation("synonyms.cancel"), e -> confirm.close());
        cancel.setId("synonym-delete-cancel");
        Button delete = new Button(getTranslation("synonyms.delete.confirm"), e -> {
            confirm.close();
            delete(group);
        });
        delete.setId("synonym-delete-confirm");
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setCancelable(true);
        confirm.setCancelButton(cancel);
        confirm.setConfirmButton(delete);
        confirm.open();
    }

    private void delete(SynonymGroup group) {
        try {
            synonyms.delete(group.id());
        } catch (BackendException e) {
            if (e.isNotFound()) {
                // deleted meanwhile: show the list as it is now
                refresh();
            }
            showMessage(e);
            return;
        }
        notifySuccess("synonyms.deleted");
        refresh();
    }

    private void showMessage(BackendException e) {
        message.setText(errors.describe(e, getLocale()));
        message.setVisible(true);
    }

    private void notifySuccess(String key) {
        Notification note = Notification.show(getTranslation(key), 3000, Notification.Position.BOTTOM_END);
        note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
