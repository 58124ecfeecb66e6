package org.kbportal.ui.question;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.kbportal.ui.client.FileUpload;
import org.kbportal.ui.i18n.UploadTexts;

/**
 * Picks screenshots and logs in the browser (size and type checked there first, and again by the
 * backend). Each picked file goes to {@code onFile} in the UI; {@link #picked()} keeps those not
 * removed again, for a form that sends them later.
 */
class AttachmentPicker extends Div {

    private final Upload upload;
    private final Div error = new Div();
    private final List<FileUpload> picked = new CopyOnWriteArrayList<>();

    AttachmentPicker(String id, AttachmentLimits limits, Consumer<FileUpload> onFile) {
        setId(id);
        addClassName("kb-attachment-picker");
        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            FileUpload file = new FileUpload(meta.fileName(), bytes);
            UI ui = UI.getCurrent();
            Runnable take = () -> {
                picked.add(file);
                error.setVisible(false);
                onFile.accept(file);
            };
            if (ui != null) {
                ui.access(take::run);
            } else {
                take.run();
            }
        }));
        UploadTexts.localize(upload);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxSize().toBytes()));
        upload.setMaxFiles(limits.maxFiles());
        upload.setAcceptedFileTypes(AttachmentLimits.ACCEPTED);
        upload.setUploadButton(new Button(getTranslation("attachments.pick"), VaadinIcon.PAPERCLIP.create()));
        upload.setDropLabel(
                new Span(getTranslation("attachments.drop", limits.maxSize().toMegabytes())));
        upload.addFileRejectedListener(e -> showError(getTranslation("attachments.rejected", e.getFileName())));
        upload.addFailedListener(e -> showError(getTranslation("attachments.rejected", e.getFileName())));
        upload.addFileRemovedListener(e -> picked.removeIf(f -> f.name().equals(e.getFileName())));
        error.addClassName("kb-error");
        error.addClassName("attachment-error");
        error.setVisible(false);
        add(upload, error);
    }

    /** The files picked and not removed since the last {@link #clear()}. */
    List<FileUpload> picked() {
        return List.copyOf(picked);
    }

    void clear() {
        picked.clear();
        upload.clearFileList();
    }

    void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
