package org.kbportal.ui.article;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.kbportal.contract.rules.ServerRules;
import org.kbportal.ui.client.ArticleAttachment;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.ManualClient;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.i18n.UploadTexts;
import org.kbportal.ui.session.FileDownloads;
import org.kbportal.ui.widget.ErrorLine;
import org.kbportal.ui.widget.Fields;

/** The article editor's attachments: upload (checked by the backend) and delete. */
public class AttachmentPanel extends Composite<Div> {

    private final ManualClient client;
    private final ErrorMessages errors;
    private final Grid<ArticleAttachment> grid = new Grid<>();
    private final TextField description = new TextField();
    private final ErrorLine message = new ErrorLine("attachment-error");
    private String articleId;

    public AttachmentPanel(ManualClient client, FileDownloads downloads, ErrorMessages errors, long maxBytes) {
        this.client = client;
        this.errors = errors;
        getContent().setId("attachment-panel");
        getContent().addClassName("kb-history");
        Fields.labelled(description, "attachment-description", getTranslation("attachments.description"));
        description.setMaxLength(500);
        UI ui = UI.getCurrent();
        Upload upload =
                new Upload(UploadHandler.toTempFile((meta, file) -> ui.access(() -> send(meta.fileName(), file))));
        UploadTexts.localize(upload);
        upload.setId("attachment-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ServerRules.uploadLimit(maxBytes));
        upload.addFileRejectedListener(e -> showText(e.getErrorMessage()));
        grid.setId("attachment-grid");
        grid.addComponentColumn(a ->
                        downloads.link(client.attachment(a.articleId(), a.id()), a.name(), Downloads.SAVE_AS, a.name()))
                .setHeader(getTranslation("attachments.name"))
                .setFlexGrow(2);
        grid.addColumn(a -> ArticleFiles.size(a.size())).setHeader(getTranslation("attachments.size"));
        grid.addColumn(ArticleAttachment::contentType).setHeader(getTranslation("attachments.type"));
        grid.addColumn(a -> a.description() == null ? "" : a.description())
                .setHeader(getTranslation("attachments.description"));
        grid.addComponentColumn(a -> {
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> delete(a));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("aria-label", getTranslation("attachments.delete"));
            delete.getElement().setAttribute("data-testid", "attachment-delete");
            return delete;
        });
        grid.setEmptyStateText(getTranslation("attachments.none"));
        // on a phone the headers ("Description") wrap instead of being cut
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        getContent().add(new H2(getTranslation("attachments.heading")), description, upload, message, grid);
    }

    /** Shows the attachments of an article. */
    public void show(String id) {
        articleId = id;
        try {
            grid.setItems(client.attachments(id));
        } catch (BackendException e) {
            showText(errors.describe(e, getLocale()));
        }
    }

    private void send(String fileName, File file) {
        message.hide();
        try (InputStream in = Files.newInputStream(file.toPath())) {
            client.attach(articleId, in, fileName, description.getValue());
            description.clear();
            show(articleId);
        } catch (BackendException e) {
            showText(errors.describe(e, getLocale()));
        } catch (IOException e) {
            showText(getTranslation("error.unexpected"));
        } finally {
            file.delete();
        }
    }

    private void delete(ArticleAttachment a) {
        try {
            client.detach(a.articleId(), a.id());
            show(articleId);
        } catch (BackendException e) {
            showText(errors.describe(e, getLocale()));
        }
    }

    private void showText(String text) {
        message.show(text);
    }
}
