package org.kbportal.ui.article;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.kbportal.ui.client.ArticleAttachment;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.ManualClient;
import org.kbportal.ui.client.ManualEntry;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.FileDownloads;

/**
 * The files of an article on its page: the original document of a manual made from one (with the
 * originals of older versions for curators) and the attachments, each a download link.
 */
public class ArticleFiles extends Composite<Div> {

    public ArticleFiles(ManualClient client, CurrentUser user, FileDownloads downloads, String articleId) {
        getContent().setId("article-files");
        getContent().addClassName("kb-article-files");
        List<ManualEntry.Source> sources;
        List<ArticleAttachment> attachments;
        try {
            sources = client.sources(articleId);
            attachments = client.attachments(articleId);
        } catch (BackendException e) {
            getContent().setVisible(false);
            return;
        }
        if (!sources.isEmpty()) {
            ManualEntry.Source latest = sources.get(0);
            Anchor original = downloads.link(
                    client.original(articleId, latest.version()),
                    latest.fileName(),
                    Downloads.SAVE_AS,
                    getTranslation("manual.original", latest.fileName()));
            original.setId("article-original");
            Div line = new Div(original, new Span(describe(latest)));
            line.addClassName("kb-original");
            getContent().add(line);
            // older originals are history: curators only (the backend lists only the current one to readers)
            if (sources.size() > 1 && user.isExpert()) {
                UnorderedList older = new UnorderedList();
                older.setId("article-older-originals");
                for (ManualEntry.Source s : sources.subList(1, sources.size())) {
                    older.add(new ListItem(downloads.link(
                            client.original(articleId, s.version()),
                            s.fileName(),
                            Downloads.SAVE_AS,
                            getTranslation("manual.older", s.version(), s.fileName()))));
                }
                getContent().add(older);
            }
        }
        if (!attachments.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("article-attachments");
            for (ArticleAttachment a : attachments) {
                Anchor link =
                        downloads.link(client.attachment(articleId, a.id()), a.name(), Downloads.SAVE_AS, a.name());
                link.getElement().setAttribute("data-testid", "attachment-link");
                ListItem item = new ListItem(link, new Span(" " + size(a.size())));
                if (a.description() != null) {
                    item.add(new Span(" — " + a.description()));
                }
                list.add(item);
            }
            getContent().add(new H2(getTranslation("attachments.heading")), list);
        }
        getContent().setVisible(!sources.isEmpty() || !attachments.isEmpty());
    }

    private String describe(ManualEntry.Source s) {
        String pages = s.pages() == null ? "" : getTranslation("manual.pages", s.pages()) + " · ";
        return " (" + s.format() + " · " + pages + size(s.sizeBytes()) + ")";
    }

    static String size(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format("%.1f MB", bytes / 1048576.0);
        }
        return bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " B";
    }
}
