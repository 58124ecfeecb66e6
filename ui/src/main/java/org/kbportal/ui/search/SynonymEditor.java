package org.kbportal.ui.search;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.kbportal.ui.client.SynonymGroup;

/**
 * The dialog that creates or edits one synonym group: the terms as text, checked against the
 * backend's limits before a {@link SaveEvent} is fired. The view saves, then closes the dialog or
 * shows the backend's objection in it ({@link #showError}).
 */
class SynonymEditor extends Dialog {

    final TextArea terms = new TextArea();
    final Button save = new Button();
    final Button cancel = new Button();
    private final Div message = new Div();
    private final SynonymGroup group;

    /** The user wants these terms saved (for {@link #group()}, or as a new group). */
    static class SaveEvent extends ComponentEvent<SynonymEditor> {
        private final List<String> terms;

        SaveEvent(SynonymEditor source, List<String> terms) {
            super(source, false);
            this.terms = List.copyOf(terms);
        }

        List<String> terms() {
            return terms;
        }
    }

    /** @param group the group to edit, or null for a new one */
    SynonymEditor(SynonymGroup group) {
        this.group = group;
        setId("synonym-dialog");
        setHeaderTitle(getTranslation(group == null ? "synonyms.dialog.new" : "synonyms.dialog.edit"));
        terms.setId("synonym-terms");
        terms.setLabel(getTranslation("synonyms.terms"));
        terms.setHelperText(getTranslation(
                "synonyms.terms.help", SynonymTerms.MIN_TERMS, SynonymTerms.MAX_TERMS, SynonymTerms.MAX_LENGTH));
        terms.setPlaceholder(getTranslation("synonyms.terms.placeholder"));
        terms.setWidthFull();
        terms.setMinHeight("8rem");
        // the terms are checked here, on save: the field must not reset the state on blur
        terms.setManualValidation(true);
        terms.setValue(group == null ? "" : SynonymTerms.format(group.terms()));
        terms.addValueChangeListener(e -> terms.setInvalid(false));
        message.setId("synonym-dialog-error");
        message.addClassName("kb-error");
        message.setVisible(false);
        add(terms, message);

        save.setText(getTranslation("synonyms.save"));
        save.setId("synonym-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setText(getTranslation("synonyms.cancel"));
        cancel.setId("synonym-cancel");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
        setWidth("min(36rem, 95vw)");
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                terms.focus();
            }
        });
    }

    /** The group being edited, or null for a new one. */
    SynonymGroup group() {
        return group;
    }

    /** Checks the terms and fires a {@link SaveEvent} when they are acceptable. */
    void save() {
        message.setVisible(false);
        List<String> parsed = SynonymTerms.parse(terms.getValue());
        var invalid = SynonymTerms.check(parsed);
        if (invalid.isPresent()) {
            terms.setErrorMessage(
                    getTranslation(invalid.get().key(), invalid.get().args().toArray()));
            terms.setInvalid(true);
            terms.focus();
            return;
        }
        terms.setInvalid(false);
        fireEvent(new SaveEvent(this, parsed));
    }

    /** Shows why the backend refused the terms; the dialog stays open for a correction. */
    void showError(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
