package org.kbportal.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.DirectoryClient;
import org.kbportal.ui.client.PersonalDataClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.FileDownloads;
import org.kbportal.ui.session.GuardedPage;

/**
 * Accounts from the organisation's directory ({@code admin/directory}, SECURITY_ADMIN only): whether a directory
 * is configured and answers (with the problem when not: unreachable, bad bind credentials, wrong filter
 * or base), the last sync's result, a sync on demand, and every account's source (local, LDAP, OIDC)
 * with its last synchronisation. Per account, a security administrator exports the person's data (JSON) or
 * erases it after a confirmation (等保 个人信息保护; the backend refuses one's own account and the last security
 * administrator).
 */
@Route(Routes.ADMIN_DIRECTORY)
class DirectoryView extends GuardedPage {

    private final DirectoryClient directory;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final PersonalDataClient personalData;
    private final FileDownloads downloads;

    private final Paragraph state = new Paragraph();
    private final Paragraph last = new Paragraph();
    private final Div message = new Div();
    private final Button sync = new Button();
    private final Grid<DirectoryClient.AccountOrigin> accounts = new Grid<>();

    DirectoryView(
            DirectoryClient directory,
            DateTimes dates,
            CurrentUser user,
            ErrorMessages errors,
            PersonalDataClient personalData,
            FileDownloads downloads) {
        super("directory.title");
        this.personalData = personalData;
        this.downloads = downloads;
        this.directory = directory;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.checkRole(event, user, org.kbportal.ui.client.LoginResult.SECURITY_ADMIN);
    }

    @Override
    protected void build() {
        state.setId("directory-state");
        last.setId("directory-last-sync");
        message.setId("directory-message");
        message.setVisible(false);
        sync.setId("directory-sync");
        sync.setText(getTranslation("directory.sync"));
        sync.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sync.addClickListener(e -> runSync());
        accounts.setId("directory-accounts");
        accounts.addColumn(DirectoryClient.AccountOrigin::username).setHeader(getTranslation("directory.username"));
        accounts.addColumn(a -> getTranslation("directory.source." + a.source().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(getTranslation("directory.source"));
        accounts.addColumn(a -> a.lastSyncedAt() == null ? "–" : dates.format(a.lastSyncedAt()))
                .setHeader(getTranslation("directory.last-synced"));
        accounts.addComponentColumn(this::personalDataActions)
                .setHeader(getTranslation("directory.personal-data"))
                .setAutoWidth(true);
        // on a phone the headers ("Last synchronised") wrap instead of being cut
        accounts.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        accounts.setAllRowsVisible(true);
        add(
                new H1(getTranslation("directory.title")),
                state,
                last,
                message,
                sync,
                new H2(getTranslation("directory.accounts")),
                accounts);
    }

    @Override
    protected void refresh() {
        try {
            DirectoryClient.Status s = directory.status();
            if (!s.configured()) {
                state.setText(getTranslation("directory.not-configured"));
            } else if (s.problem() == null) {
                state.setText(getTranslation("directory.reachable", s.urls()));
            } else {
                state.setText(getTranslation(
                        "directory.problem",
                        s.urls(),
                        getTranslation("directory.problem." + s.problem().kind())));
            }
            sync.setEnabled(s.configured());
            last.setText(s.lastSync() == null ? getTranslation("directory.never-synced") : describe(s.lastSync()));
            accounts.setItems(directory.accounts());
        } catch (BackendException e) {
            show(errors.describe(e, getLocale()));
        }
    }

    private String describe(DirectoryClient.SyncResult r) {
        String text = getTranslation(
                "directory.last-sync",
                dates.format(r.finishedAt()),
                r.created(),
                r.updated(),
                r.disabled(),
                r.unchanged());
        return r.problem() == null ? text : text + " " + getTranslation("directory.sync-failed");
    }

    private void runSync() {
        try {
            DirectoryClient.SyncResult r = directory.sync();
            show(describe(r));
        } catch (BackendException e) {
            show(errors.describe(e, getLocale()));
        }
        refresh();
    }

    private Span personalDataActions(DirectoryClient.AccountOrigin a) {
        var export = downloads.link(
                org.kbportal.ui.client.BackendFiles.Request.of(PersonalDataClient.exportPath(a.id())),
                "personal-data-" + a.id() + ".json",
                "application/json",
                getTranslation("directory.personal-data.export"));
        export.setId("personal-data-export-" + a.username());
        Button erase = new Button(getTranslation("directory.personal-data.erase"), e -> confirmErase(a));
        erase.setId("personal-data-erase-" + a.username());
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Span actions = new Span(export, erase);
        actions.addClassName("kb-row-actions");
        return actions;
    }

    private void confirmErase(DirectoryClient.AccountOrigin a) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("personal-data-erase-dialog");
        confirm.setHeader(getTranslation("directory.personal-data.erase.title"));
        confirm.setText(getTranslation("directory.personal-data.erase.text", a.username()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("directory.personal-data.cancel"));
        confirm.setConfirmText(getTranslation("directory.personal-data.erase"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                PersonalDataClient.Erased done = personalData.erase(a.id());
                Notification note = Notification.show(
                        getTranslation("directory.personal-data.erased", done.formerUsername(), done.username()),
                        5000,
                        Notification.Position.BOTTOM_END);
                note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                message.setVisible(false);
            } catch (BackendException x) {
                show(errors.describe(x, getLocale()));
            }
            refresh();
        });
        confirm.open();
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
