package org.kbportal.backend.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;

/** A real SMTP server (GreenMail) on a free loopback port, for the tests of what the backend mails. */
public final class MailCatcher {

    private MailCatcher() {}

    /** Started; point the backend at it with {@code spring.mail.host=127.0.0.1} and {@link #port}. */
    public static GreenMail start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    public static String port(GreenMail smtp) {
        return String.valueOf(smtp.getSmtp().getPort());
    }
}
