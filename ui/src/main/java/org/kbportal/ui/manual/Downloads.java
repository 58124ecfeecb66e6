package org.kbportal.ui.manual;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.kbportal.ui.client.ManualClient;
import org.kbportal.ui.session.CurrentUser;

/**
 * Download links that stream a backend file through the portal: the browser never talks to the
 * backend, and the file is always saved, never shown. The token is taken when the link is made,
 * because the download itself runs outside the UI's session lock.
 */
final class Downloads {

    private Downloads() {}

    static Anchor link(ManualClient client, CurrentUser user, String backendPath, String fileName, String text) {
        String token = user.currentToken().orElse(null);
        DownloadHandler handler = event -> {
            event.setFileName(fileName);
            event.setContentType("application/octet-stream");
            client.download(backendPath, token, event.getOutputStream());
        };
        return new Anchor(handler, AttachmentType.DOWNLOAD, text);
    }
}
