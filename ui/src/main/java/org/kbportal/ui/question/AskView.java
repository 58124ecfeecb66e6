package org.kbportal.ui.question;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import org.kbportal.contract.question.QuestionCreated;
import org.kbportal.contract.question.QuestionInput;
import org.kbportal.contract.question.QuestionLimits;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.Problem;
import org.kbportal.ui.client.QuestionClient;
import org.kbportal.ui.client.RulesClient;
import org.kbportal.ui.client.SearchClient;
import org.kbportal.ui.client.SearchHit;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;
import org.kbportal.ui.widget.ErrorLine;
import org.kbportal.ui.widget.Fields;
import org.kbportal.ui.widget.PageParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asking the online experts ({@code ask}, signed in): kind, severity, category, title, description
 * and contact. While the user types, articles similar to the text are offered; "this solved my
 * problem" on one of them ends here (and is counted). Submitting opens the new question's page.
 */
@Access(Audience.EVERYONE)
@Route(Routes.ASK)
class AskView extends GuardedPage {

    private static final Logger log = LoggerFactory.getLogger(AskView.class);
    /** Similar articles are looked up once typing pauses this long. */
    static final int SIMILAR_DELAY_MS = 400;

    static final int SIMILAR_COUNT = 5;
    static final List<String> KINDS = List.of("FAULT", "CONSULTATION", "SUGGESTION");
    static final List<String> SEVERITIES = List.of("A", "B", "C", "D", "E");

    private final QuestionClient questions;
    private final SearchClient search;
    private final CategoryCatalog categories;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final AttachmentPicker files;

    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>();
    private final Select<String> severity = new Select<>();
    private final Select<Category> category = new Select<>();
    private final TextField title = new TextField();
    private final TextArea body = new TextArea();
    private final TextField contact = new TextField();
    private final ErrorLine message = new ErrorLine("ask-error");
    private final Div similar = new Div();
    private final Div form = new Div();
    private String similarFor = "";
    private final QuestionLimits limits;

    AskView(
            QuestionClient questions,
            SearchClient search,
            CategoryCatalog categories,
            CurrentUser user,
            ErrorMessages errors,
            RulesClient rules) {
        super("ask.title");
        this.questions = questions;
        this.search = search;
        this.categories = categories;
        this.user = user;
        this.errors = errors;
        this.limits = rules.rules().questions();
        this.files = new AttachmentPicker("ask-attachments", AttachmentLimits.of(limits), file -> {});
        addClassName("kb-admin-page");
        addClassName("kb-ask");
    }

    @Override
    protected boolean prepare(BeforeEnterEvent event) {
        if (!user.isSignedIn()) {
            signInFirst();
            return false;
        }
        getChildren()
                .filter(c -> c.getId().orElse("").equals("ask-anonymous"))
                .toList()
                .forEach(this::remove);
        return true;
    }

    /** A visitor learns what asking takes instead of landing on the login form without a word. */
    private void signInFirst() {
        removeAll();
        Paragraph why = PageParts.intro(getTranslation("ask.anonymous"));
        Anchor signIn = Routes.link(Routes.loginTo(Routes.ASK), getTranslation("empty.ask.sign-in"));
        signIn.setId("ask-sign-in");
        signIn.addClassName("kb-button-link");
        Div box = new Div(new H1(getTranslation("ask.title")), why, signIn);
        box.setId("ask-anonymous");
        add(box);
    }

    @Override
    protected void build() {
        Paragraph intro = PageParts.intro(getTranslation("ask.intro"));

        Fields.labelled(kind, "ask-kind", getTranslation("ask.kind"));
        kind.setItems(KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("question.kind." + k));
        kind.setValue(KINDS.get(0));
        kind.setRequiredIndicatorVisible(true);

        Fields.labelled(severity, "ask-severity", getTranslation("ask.severity"));
        severity.setItems(SEVERITIES);
        severity.setItemLabelGenerator(s -> getTranslation("question.severity." + s));
        severity.setValue("D");
        severity.setHelperText(getTranslation("ask.severity.help"));

        Fields.labelled(category, "ask-category", getTranslation("ask.category"));
        category.setPlaceholder(getTranslation("ask.category.placeholder"));
        List<Category> all = categories.all();
        Map<String, Category> byCode =
                all.stream().collect(java.util.stream.Collectors.toMap(Category::code, c -> c, (a, b) -> a));
        category.setItems(all);
        category.setItemLabelGenerator(c -> {
            Category parent = c.parentCode() == null ? null : byCode.get(c.parentCode());
            return parent == null ? c.name(getLocale()) : parent.name(getLocale()) + " › " + c.name(getLocale());
        });
        category.setRequiredIndicatorVisible(true);

        Fields.labelled(title, "ask-title", getTranslation("ask.question-title"));
        title.setPlaceholder(getTranslation("ask.question-title.placeholder"));
        title.setMaxLength(limits.titleMaxLength());
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        Fields.labelled(body, "ask-body", getTranslation("ask.body"));
        body.setPlaceholder(getTranslation("ask.body.placeholder"));
        body.setMaxLength(limits.bodyMaxLength());
        body.setRequiredIndicatorVisible(true);
        body.setWidthFull();
        body.setMinHeight("10rem");
        for (var field : List.of(title, body)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(SIMILAR_DELAY_MS);
        }
        title.addValueChangeListener(e -> showSimilar());
        body.addValueChangeListener(e -> showSimilar());
        Fields.labelled(contact, "ask-contact", getTranslation("ask.contact"));
        contact.setPlaceholder(getTranslation("ask.contact.placeholder"));
        contact.setMaxLength(200);
        contact.setWidthFull();

        Button submit = new Button(getTranslation("ask.submit"), VaadinIcon.PAPERPLANE.create());
        submit.setId("ask-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit.setEnabled(true));

        Div choices = new Div(kind, severity, category);
        choices.addClassName("kb-filters");
        form.setId("ask-form");
        form.addClassName("kb-ask-form");
        form.add(message, choices, title, body, contact, files, submit);

        similar.setId("similar-articles");
        similar.addClassName("kb-similar");
        similar.setVisible(false);

        Div columns = new Div(form, similar);
        columns.addClassName("kb-ask-columns");
        add(new H1(getTranslation("ask.title")), intro, columns);
    }

    /** The text that similar articles are looked up for: title and description together. */
    private String typed() {
        return (title.getValue().strip() + "\n" + body.getValue().strip()).strip();
    }

    private void showSimilar() {
        String text = typed();
        if (text.equals(similarFor)) {
            return;
        }
        similarFor = text;
        List<SearchHit> hits;
        try {
            hits = search.similar(text, SIMILAR_COUNT);
        } catch (BackendException e) {
            // suggestions are a help, not a step: asking still works without them
            log.info("Similar articles not available: {}", e.getMessage());
            hits = List.of();
        }
        similar.removeAll();
        similar.setVisible(!hits.isEmpty());
        if (hits.isEmpty()) {
            return;
        }
        similar.add(new H2(getTranslation("ask.similar.title")));
        Paragraph hint = new Paragraph(getTranslation("ask.similar.intro"));
        hint.addClassName("kb-summary");
        similar.add(hint);
        for (SearchHit hit : hits) {
            // a new tab keeps what has been typed here
            Anchor link = new Anchor(Routes.article(hit.id()), hit.title(), AnchorTarget.BLANK);
            link.addClassName("similar-article-link");
            Button solved = new Button(getTranslation("ask.similar.solved"), VaadinIcon.CHECK.create());
            solved.addClassName("similar-solved");
            solved.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SUCCESS);
            solved.addClickListener(e -> solvedBy(hit));
            Div item = new Div(link, solved);
            item.addClassName("similar-article");
            item.getElement().setAttribute("data-id", hit.articleId());
            similar.add(item);
        }
    }

    private void solvedBy(SearchHit hit) {
        try {
            questions.deflect(hit.articleId(), typed());
        } catch (BackendException e) {
            // the user is helped either way; only the count misses one
            log.info("Deflection not counted: {}", e.getMessage());
        }
        removeAll();
        Div thanks = new Div(
                new H1(getTranslation("ask.thanks.title")),
                new Paragraph(getTranslation("ask.thanks.text")),
                Routes.link(Routes.article(hit.id()), hit.title()),
                new Paragraph(Routes.link(Routes.SEARCH, getTranslation("ask.thanks.back"))));
        thanks.setId("ask-thanks");
        thanks.addClassName("kb-ask-thanks");
        add(thanks);
    }

    private void submit() {
        clearInvalid();
        boolean complete = require(title, title.getValue().isBlank())
                & require(body, body.getValue().isBlank())
                & require(category, category.isEmpty());
        if (!complete) {
            showMessage(getTranslation("ask.missing"));
            return;
        }
        QuestionCreated created;
        try {
            created = questions.ask(new QuestionInput(
                    title.getValue().strip(),
                    QuestionHtml.fromPlainText(body.getValue()),
                    kind.getValue(),
                    severity.getValue(),
                    category.getValue().code(),
                    contact.getValue().strip()));
        } catch (BackendException e) {
            markInvalid(e);
            showMessage(errors.describe(e, getLocale()));
            return;
        }
        attachPicked(created.id());
        getUI().ifPresent(ui -> ui.navigate(Routes.question(created.id())));
    }

    /** The question exists whatever happens here; a refused file can be attached again on its page. */
    private void attachPicked(long id) {
        var picked = files.picked();
        if (picked.isEmpty()) {
            return;
        }
        try {
            questions.attach(id, picked, user.currentToken().orElseThrow());
            files.clear();
        } catch (BackendException e) {
            Notification note = Notification.show(
                    getTranslation("attachments.failed", errors.describe(e, getLocale())),
                    8000,
                    Notification.Position.MIDDLE);
            note.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private boolean require(com.vaadin.flow.component.HasValidation field, boolean missing) {
        if (missing) {
            field.setErrorMessage(getTranslation("ask.required"));
            field.setInvalid(true);
        }
        return !missing;
    }

    /** Puts the backend's field errors next to the fields they are about. */
    private void markInvalid(BackendException e) {
        for (Problem.FieldError error : e.problem().map(Problem::errors).orElse(List.of())) {
            com.vaadin.flow.component.HasValidation field = switch (error.field()) {
                case "title" -> title;
                case "body" -> body;
                case "category" -> category;
                case "contactPref" -> contact;
                case "severity" -> severity;
                case "kind" -> kind;
                default -> null;
            };
            if (field != null) {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        }
    }

    private void clearInvalid() {
        for (var field :
                List.<com.vaadin.flow.component.HasValidation>of(title, body, category, contact, severity, kind)) {
            field.setInvalid(false);
        }
        message.hide();
    }

    private void showMessage(String text) {
        message.show(text);
    }
}
