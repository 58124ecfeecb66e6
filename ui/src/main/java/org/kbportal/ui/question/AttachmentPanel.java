package org.kbportal.ui.question;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import java.util.Locale;
import org.kbportal.contract.question.QuestionAction;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionDetail.Attachment;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.FileUpload;
import org.kbportal.ui.client.QuestionClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.session.FileDownloads;

/**
 * The files of a question on its page: each a download (fetched from the backend with the viewer's
 * token, saved as attachment), and, until the question is closed, a picker that attaches more at once.
 */
class AttachmentPanel extends Div {

    private final QuestionClient questions;
    private final FileDownloads downloads;
    private final DateTimes dates;
    private final ErrorMessages errors;
    private final long questionId;
    private final String token;
    private final Div list = new Div();

    AttachmentPanel(
            QuestionDetail q,
            String token,
            QuestionClient questions,
            FileDownloads downloads,
            AttachmentLimits limits,
            DateTimes dates,
            ErrorMessages errors) {
        this.questions = questions;
        this.downloads = downloads;
        this.dates = dates;
        this.errors = errors;
        this.questionId = q.id();
        this.token = token;
        setId("question-attachments");
        addClassName("kb-attachments");
        list.setId("attachment-list");
        add(new H2(getTranslation("attachments.title")), list);
        show(q.attachments());
        if (q.allows(QuestionAction.ATTACH)) {
            AttachmentPicker[] picker = new AttachmentPicker[1];
            picker[0] = new AttachmentPicker("attachment-upload", limits, file -> attach(file, picker[0]));
            add(picker[0]);
        }
    }

    private void attach(FileUpload file, AttachmentPicker picker) {
        try {
            show(questions.attach(questionId, List.of(file), token));
            picker.clear();
        } catch (BackendException e) {
            picker.showError(file.name() + ": " + errors.describe(e, getLocale()));
        }
    }

    private void show(List<Attachment> all) {
        list.removeAll();
        if (all.isEmpty()) {
            Span none = new Span(getTranslation("attachments.none"));
            none.addClassName("kb-muted");
            list.add(none);
        }
        for (Attachment a : all) {
            Anchor link = new Anchor(download(a), a.name());
            link.addClassName("attachment-link");
            link.getElement().setAttribute("data-file", a.id());
            Span meta = new Span(getTranslation(
                    "attachments.meta", size(a.size(), getLocale()), a.uploadedBy(), dates.format(a.at())));
            meta.addClassName("kb-muted");
            Div row = new Div(VaadinIcon.PAPERCLIP.create(), link, meta);
            row.addClassName("attachment");
            if (a.fromExpert()) {
                row.addClassName("from-expert");
            }
            list.add(row);
        }
    }

    private DownloadHandler download(Attachment a) {
        return downloads.handler(questions.attachmentFile(questionId, a.id()), a.name(), a.contentType());
    }

    static String size(long bytes, Locale locale) {
        if (bytes >= 1 << 20) {
            return String.format(locale, "%.1f MB", bytes / (double) (1 << 20));
        }
        return bytes >= 1 << 10 ? String.format(locale, "%.0f KB", bytes / 1024.0) : bytes + " B";
    }
}
