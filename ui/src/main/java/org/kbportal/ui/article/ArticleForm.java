package org.kbportal.ui.article;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.Problem;

/**
 * Edits one article. It validates and reports what the user wants through {@link
 * ArticleFormEvent}s (save, publish, archive, close); the view talks to the backend. Case fields
 * appear only for cases; the body has a Markdown preview.
 */
class ArticleForm extends Div {

    final TextField id = new TextField();
    final Select<String> type = new Select<>();
    final Select<String> lang = new Select<>();
    final ComboBox<String> category = new ComboBox<>();
    final TextField title = new TextField();
    final TextArea body = new TextArea();
    final TextArea symptom = new TextArea();
    final TextArea cause = new TextArea();
    final TextArea resolution = new TextArea();
    final TextField affectedSystem = new TextField();
    final TextField tags = new TextField();
    final Button save = new Button();
    final Button publish = new Button();
    final Button archive = new Button();
    final Button close = new Button();

    private final BeanValidationBinder<ArticleDraft> binder = new BeanValidationBinder<>(ArticleDraft.class);
    private final MarkdownRenderer markdown;
    private final Div preview = new Div();
    private final Tabs bodyTabs = new Tabs();
    private final Div state = new Div();
    private ArticleDraft draft = new ArticleDraft();
    private Article saved;

    ArticleForm(List<Category> categories, MarkdownRenderer markdown) {
        this.markdown = markdown;
        addClassName("kb-editor-form");
        configureFields(categories);
        bind();

        FormLayout form = new FormLayout(type, lang, category, id, title, affectedSystem, tags);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        form.setColspan(title, 4);
        form.setColspan(affectedSystem, 2);
        form.setColspan(tags, 2);
        Div caseFields = new Div(symptom, cause, resolution);
        caseFields.addClassName("kb-case-fields");
        add(form, bodyEditor(), caseFields, buttons());
        type.addValueChangeListener(e -> showFieldsFor(e.getValue()));
        binder.addValueChangeListener(e -> updateButtons());
        setArticle(null);
    }

    private void configureFields(List<Category> categories) {
        id.setId("editor-id");
        id.setLabel(getTranslation("field.id"));
        id.setHelperText(getTranslation("editor.id.help"));
        type.setId("editor-type");
        type.setLabel(getTranslation("field.type"));
        type.setItems(Article.TYPES);
        type.setItemLabelGenerator(t -> getTranslation("type." + t));
        lang.setId("editor-lang");
        lang.setLabel(getTranslation("field.lang"));
        lang.setItems(Article.LANGS);
        lang.setItemLabelGenerator(l -> getTranslation("lang." + l));
        Map<String, String> names = new LinkedHashMap<>();
        categories.forEach(c -> names.put(c.code(), c.name(getLocale())));
        category.setId("editor-category");
        category.setLabel(getTranslation("field.category"));
        category.setItems(names.keySet());
        category.setItemLabelGenerator(code -> names.getOrDefault(code, code));
        category.setClearButtonVisible(true);
        title.setId("editor-title");
        title.setLabel(getTranslation("field.title"));
        body.setId("editor-body");
        body.setLabel(getTranslation("field.body"));
        body.setHelperText(getTranslation("editor.body.help"));
        body.addClassName("kb-editor-body");
        symptom.setId("editor-symptom");
        symptom.setLabel(getTranslation("field.symptom"));
        cause.setId("editor-cause");
        cause.setLabel(getTranslation("field.cause"));
        resolution.setId("editor-resolution");
        resolution.setLabel(getTranslation("field.resolution"));
        affectedSystem.setId("editor-affected-system");
        affectedSystem.setLabel(getTranslation("field.affectedSystem"));
        tags.setId("editor-tags");
        tags.setLabel(getTranslation("field.tags"));
        tags.setHelperText(getTranslation("editor.tags.help"));
        List.<HasSize>of(title, body, symptom, cause, resolution, affectedSystem, tags)
                .forEach(HasSize::setWidthFull);
    }

    private void bind() {
        binder.forField(id)
                .withValidator(
                        v -> v.isBlank() || v.strip().matches(ArticleDraft.ID_PATTERN),
                        getTranslation("editor.id.invalid"))
                .bind("id");
        binder.forField(tags)
                .withConverter(new TagsConverter())
                .withValidator(
                        list -> list.stream().allMatch(t -> t.length() <= TagsConverter.MAX_TAG_LENGTH),
                        getTranslation("editor.tags.too-long", TagsConverter.MAX_TAG_LENGTH))
                .bind("tags");
        // the remaining fields match bean properties by name and get the bean's constraints
        binder.bindInstanceFields(this);
    }

    private Div bodyEditor() {
        Tab write = new Tab(getTranslation("editor.tab.write"));
        Tab show = new Tab(getTranslation("editor.tab.preview"));
        show.setId("editor-preview-tab");
        bodyTabs.add(write, show);
        preview.setId("editor-preview");
        preview.addClassName("kb-editor-preview");
        preview.setVisible(false);
        bodyTabs.addSelectedChangeListener(e -> {
            boolean previewing = e.getSelectedTab() == show;
            if (previewing) {
                ArticleDraft current = new ArticleDraft();
                binder.writeBeanAsDraft(current, true);
                preview.removeAll();
                preview.add(new ArticleContent(current.toPreview(), markdown));
            }
            preview.setVisible(previewing);
            body.setVisible(!previewing);
        });
        Div editor = new Div(bodyTabs, body, preview);
        editor.addClassName("kb-body-editor");
        return editor;
    }

    private Div buttons() {
        save.setId("editor-save");
        save.setText(getTranslation("editor.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        save.addClickListener(e -> save());
        publish.setId("editor-publish");
        publish.setText(getTranslation("editor.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        publish.addClickListener(e -> fireEvent(new ArticleFormEvent.PublishEvent(this, draft)));
        archive.setId("editor-archive");
        archive.setText(getTranslation("editor.archive"));
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        archive.addClickListener(e -> fireEvent(new ArticleFormEvent.ArchiveEvent(this, draft)));
        close.setId("editor-close");
        close.setText(getTranslation("editor.close"));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.addClickListener(e -> fireEvent(new ArticleFormEvent.CloseEvent(this, draft)));
        // the status next to the buttons that change it, since the page header may be scrolled away
        state.setId("editor-state");
        state.addClassName("kb-editor-state");
        Div bar = new Div(save, publish, archive, close, state);
        bar.addClassName("kb-editor-buttons");
        return bar;
    }

    /** Shows a saved article, or an empty form for a new one when {@code article} is null. */
    void setArticle(Article article) {
        saved = article;
        draft = article == null ? new ArticleDraft() : ArticleDraft.of(article);
        binder.readBean(draft);
        id.setReadOnly(article != null);
        state.removeAll();
        if (article != null) {
            state.add(ArticleBadges.status(article.status()), new Span("v" + article.version()));
        }
        showFieldsFor(draft.getType());
        updateButtons();
    }

    /** Read-only without a save button when the caller may not change the article (someone else's draft). */
    void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        id.setReadOnly(!editable || saved != null);
        save.setVisible(editable);
    }

    /** Validates; fires {@link ArticleFormEvent.SaveEvent} with a copy of the values when they are valid. */
    void save() {
        ArticleDraft candidate = saved == null ? new ArticleDraft() : ArticleDraft.of(saved);
        if (binder.writeBeanIfValid(candidate)) {
            fireEvent(new ArticleFormEvent.SaveEvent(this, candidate));
        } else {
            binder.validate();
        }
    }

    /** Marks the fields the backend rejected. */
    void showServerErrors(List<Problem.FieldError> errors) {
        for (Problem.FieldError e : errors) {
            binder.getBinding(e.field()).ifPresent(b -> {
                HasValue<?, ?> field = b.getField();
                if (field instanceof HasValidation v) {
                    v.setErrorMessage(e.message());
                    v.setInvalid(true);
                }
            });
        }
    }

    boolean hasChanges() {
        return binder.hasChanges();
    }

    private void showFieldsFor(String articleType) {
        boolean isCase = Article.CASE.equals(articleType);
        symptom.setVisible(isCase);
        cause.setVisible(isCase);
        resolution.setVisible(isCase);
        affectedSystem.setVisible(isCase);
    }

    private void updateButtons() {
        // publishing or archiving would silently skip unsaved edits: save first
        boolean clean = !binder.hasChanges();
        publish.setEnabled(saved != null && clean && !Article.PUBLISHED.equals(saved.status()));
        archive.setEnabled(saved != null && clean && !Article.ARCHIVED.equals(saved.status()));
    }

    Registration addSaveListener(ComponentEventListener<ArticleFormEvent.SaveEvent> listener) {
        return addListener(ArticleFormEvent.SaveEvent.class, listener);
    }

    Registration addPublishListener(ComponentEventListener<ArticleFormEvent.PublishEvent> listener) {
        return addListener(ArticleFormEvent.PublishEvent.class, listener);
    }

    Registration addArchiveListener(ComponentEventListener<ArticleFormEvent.ArchiveEvent> listener) {
        return addListener(ArticleFormEvent.ArchiveEvent.class, listener);
    }

    Registration addCloseListener(ComponentEventListener<ArticleFormEvent.CloseEvent> listener) {
        return addListener(ArticleFormEvent.CloseEvent.class, listener);
    }
}
