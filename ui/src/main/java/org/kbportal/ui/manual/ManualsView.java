package org.kbportal.ui.manual;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.kbportal.contract.rules.ServerRules;
import org.kbportal.ui.client.ArticleClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.ManualClient;
import org.kbportal.ui.client.ManualEntry;
import org.kbportal.ui.client.ManualUpload;
import org.kbportal.ui.client.RulesClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.i18n.UploadTexts;
import org.kbportal.ui.navigation.AdminMenu;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.GuardedPage;
import org.kbportal.ui.widget.ErrorLine;
import org.kbportal.ui.widget.Fields;
import org.kbportal.ui.widget.PageParts;
import org.kbportal.ui.widget.Poller;

/**
 * Manuals from documents ({@code admin/manuals}, ADMIN only): upload a PDF, Word, HTML, Markdown or
 * text file with title, category and language (or as a new version of an existing manual), follow
 * the extraction's progress, read why a file was refused, and see the manuals with their versions.
 */
@Access(Audience.ADMIN)
@AdminMenu(group = "nav.group-content", label = "nav.admin-manuals", id = "nav-admin-manuals", order = 20)
@Route(Routes.ADMIN_MANUALS)
class ManualsView extends GuardedPage {

    static final int POLL_MS = 500;

    private final ManualClient manuals;
    private final RulesClient rules;
    private final ArticleClient articles;
    private final CategoryCatalog categories;
    private final DateTimes dates;
    private final ErrorMessages errors;

    private final TextField title = new TextField();
    private final ComboBox<Category> category = new ComboBox<>();
    private final Select<String> lang = new Select<>();
    private final ComboBox<ManualEntry> target = new ComboBox<>();
    private final Div status = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final ErrorLine failure = new ErrorLine("manual-error");
    private final Grid<ManualEntry> grid = new Grid<>();
    private final Poller poller = new Poller(this, POLL_MS, () -> poll());
    private String jobId;

    ManualsView(
            ManualClient manuals,
            ArticleClient articles,
            CategoryCatalog categories,
            DateTimes dates,
            ErrorMessages errors,
            RulesClient rules) {
        super("manuals.title");
        this.rules = rules;
        this.manuals = manuals;
        this.articles = articles;
        this.categories = categories;
        this.dates = dates;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected void build() {
        Div top = PageParts.top(getTranslation("manuals.title"));
        Paragraph intro = PageParts.intro(getTranslation("manuals.intro"));

        title.setLabel(getTranslation("manuals.field.title"));
        title.setPlaceholder(getTranslation("manuals.field.title.placeholder"));
        title.setId("manual-title");
        title.setMaxLength(500);
        Fields.labelled(category, "manual-category", getTranslation("manuals.field.category"));
        category.setItemLabelGenerator(c -> categories.name(c.code(), getLocale()));
        category.setClearButtonVisible(true);
        Fields.labelled(lang, "manual-lang", getTranslation("manuals.field.lang"));
        lang.setItems("", "zh", "en");
        lang.setItemLabelGenerator(l -> getTranslation(l.isEmpty() ? "manuals.lang.auto" : "lang." + l));
        lang.setValue("");
        target.setLabel(getTranslation("manuals.field.target"));
        target.setPlaceholder(getTranslation("manuals.field.target.placeholder"));
        target.setId("manual-target");
        target.setItemLabelGenerator(m -> m.title() + " (" + m.id() + ")");
        target.setClearButtonVisible(true);
        Div fields = new Div(title, category, lang, target);
        fields.addClassName("kb-form-row");

        UI ui = UI.getCurrent();
        Upload upload =
                new Upload(UploadHandler.toTempFile((meta, file) -> ui.access(() -> send(meta.fileName(), file))));
        UploadTexts.localize(upload);
        upload.setId("manual-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ServerRules.uploadLimit(rules.rules().manualMaxBytes()));
        upload.setAcceptedFileTypes(".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt");
        upload.setDropLabel(new Span(getTranslation("manuals.drop")));
        upload.addFileRejectedListener(e -> showFailure(getTranslation("manuals.rejected", e.getErrorMessage())));
        upload.addFileRemovedListener(e -> failure.setVisible(false));

        status.setId("manual-status");
        status.addClassName("kb-rebuild-state");
        progress.setId("manual-progress");
        progress.setVisible(false);
        Div uploadBox = new Div(new H2(getTranslation("manuals.upload")), fields, upload, status, progress, failure);
        uploadBox.addClassName("kb-rebuild");

        grid.setId("manual-grid");
        grid.addComponentColumn(m -> {
                    Anchor link = Routes.link(Routes.article(m.id()), m.title());
                    link.getElement().setAttribute("data-testid", "manual-link");
                    return link;
                })
                .setHeader(getTranslation("manuals.col.title"))
                .setFlexGrow(3);
        // at 1366 px every column fits: short figures take their own width, long names wrap
        grid.addColumn(m -> getTranslation("status." + m.status()))
                .setHeader(getTranslation("manuals.col.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> m.latest().fileName())
                .setHeader(getTranslation("manuals.col.file"))
                .setFlexGrow(2);
        grid.addColumn(m -> m.latest().pages() == null ? "–" : m.latest().pages())
                .setHeader(getTranslation("manuals.col.pages"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> m.latest().sections())
                .setHeader(getTranslation("manuals.col.sections"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> m.version() + " / " + m.uploads())
                .setHeader(getTranslation("manuals.col.versions"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> dates.format(m.latest().uploadedAt()))
                .setHeader(getTranslation("manuals.col.uploaded"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("manuals.empty"));
        grid.setAllRowsVisible(true);

        add(top, intro, uploadBox, new H2(getTranslation("manuals.list")), grid);
    }

    private Div actions(ManualEntry m) {
        Div box = new Div();
        if ("DRAFT".equals(m.status())) {
            Button publish = new Button(getTranslation("manuals.publish"), e -> publish(m));
            publish.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            publish.getElement().setAttribute("data-testid", "manual-publish");
            box.add(publish);
        }
        if (m.version() > 1) {
            box.add(Routes.link(Routes.diff(m.id(), m.version() - 1, m.version()), getTranslation("manuals.diff")));
        }
        return box;
    }

    @Override
    protected void refresh() {
        try {
            List<ManualEntry> all = manuals.manuals();
            grid.setItems(all);
            target.setItems(all);
            category.setItems(categories.all());
        } catch (BackendException e) {
            showFailure(errors.describe(e, getLocale()));
        }
    }

    private void publish(ManualEntry m) {
        try {
            articles.publish(m.id());
            refresh();
        } catch (BackendException e) {
            showFailure(errors.describe(e, getLocale()));
        }
    }

    /** Hands the received file to the backend and follows its extraction. */
    private void send(String fileName, File file) {
        failure.hide();
        try (InputStream in = Files.newInputStream(file.toPath())) {
            ManualUpload job = manuals.upload(
                    in,
                    fileName,
                    title.getValue(),
                    category.getValue() == null ? null : category.getValue().code(),
                    lang.getValue(),
                    target.getValue() == null ? null : target.getValue().id());
            show(job);
        } catch (BackendException e) {
            status.setText("");
            showFailure(errors.describe(e, getLocale()));
        } catch (IOException e) {
            showFailure(getTranslation("error.unexpected"));
        } finally {
            file.delete();
        }
    }

    private void show(ManualUpload job) {
        progress.setVisible(true);
        progress.setValue(job.progress());
        status.getElement().setAttribute("data-state", job.state());
        if (job.running()) {
            jobId = job.jobId();
            status.setText(
                    job.total() == 0
                            ? getTranslation("manuals.extracting", job.fileName())
                            : getTranslation("manuals.extracting.progress", job.fileName(), job.done(), job.total()));
            poller.start(UI.getCurrent());
            return;
        }
        poller.stop(UI.getCurrent());
        if (job.failed()) {
            status.setText("");
            progress.setVisible(false);
            showFailure(errors.describe(job.failure(), getLocale()));
            return;
        }
        ManualUpload.Result r = job.result();
        status.removeAll();
        status.setText(getTranslation("manuals.done", r.sections(), r.version()));
        Anchor open = Routes.link(Routes.article(r.id()), getTranslation("manuals.open"));
        open.setId("manual-open");
        status.add(new Span(" "), open);
        refresh();
    }

    private void poll() {
        try {
            show(manuals.job(jobId));
        } catch (BackendException e) {
            poller.stop(UI.getCurrent());
            showFailure(errors.describe(e, getLocale()));
        }
    }

    private void showFailure(String text) {
        failure.show(text);
    }
}
