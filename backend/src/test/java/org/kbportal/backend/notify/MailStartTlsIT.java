package org.kbportal.backend.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.TestCertificates;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * SMTP with STARTTLS against a real TLS server: {@link StartTlsRelay} (self-signed certificate, trusted by the
 * backend through {@code spring.mail.ssl.bundle}) in front of GreenMail. With {@code KB_MAIL_STARTTLS=true} an
 * outbox e-mail goes through a TLS handshake the relay records and arrives; when the server stops offering
 * STARTTLS, the next e-mail is refused by the client before any mail command and stays in the outbox with the
 * reason.
 */
class MailStartTlsIT {

    @TempDir
    Path certs;

    @Test
    void shouldSendThroughStartTlsAndRefuseAServerWithoutIt() throws Exception {
        TestCertificates cert = TestCertificates.create(certs);
        int smtpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (StartTlsRelay relay = StartTlsRelay.start(cert.keystore(), cert.password(), smtpPort);
                BackendServer server = BackendServer.start(
                        BackendServer.tempDataDir("kb-mail-starttls"),
                        Map.of(
                                "kb.seed.index-data", "false",
                                "kb.search.embeddings", "false",
                                // the deployment's own settings (backend.yml maps them to spring.mail.*)
                                "KB_MAIL_HOST", "127.0.0.1",
                                "KB_MAIL_PORT", String.valueOf(relay.port()),
                                "KB_MAIL_STARTTLS", "true",
                                "spring.mail.ssl.bundle", "mailrelay",
                                "spring.ssl.bundle.pem.mailrelay.truststore.certificate",
                                        cert.certificatePem().toUri().toString(),
                                "kb.questions.mail-drain-interval", "200ms"))) {
            DatabaseClient db = server.bean(DatabaseClient.class);

            long first = queue(db, "通过 TLS 发送 sent over TLS");
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("通过 TLS 发送 sent over TLS");
            assertThat(relay.handshakes())
                    .as("the relay's TLS handshakes")
                    .isNotEmpty()
                    .allMatch(p -> p.startsWith("TLSv1."));
            assertThat(relay.plainCommands())
                    .as("nothing but the greeting and the upgrade in the clear")
                    .allMatch(c -> c.startsWith("EHLO") || c.equals("STARTTLS"));
            awaitSent(db, first);

            // the server stops offering STARTTLS: the client refuses to send in the clear
            relay.offerStartTls(false);
            int handshakes = relay.handshakes().size();
            long second = queue(db, "不应明文发送 must not go in the clear");
            Map<String, Object> failed = awaitAttempt(db, second);
            assertThat(failed.get("sent")).isEqualTo(false);
            assertThat((String) failed.get("lastError")).containsIgnoringCase("STARTTLS");
            assertThat(relay.handshakes()).hasSize(handshakes);
            assertThat(relay.plainCommands()).noneMatch(c -> c.startsWith("MAIL") || c.startsWith("RCPT"));
            Thread.sleep(500);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    private static long queue(DatabaseClient db, String subject) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.sql("INSERT INTO mail_outbox (recipient, subject, body, kind, created_at, next_attempt_at)"
                        + " VALUES ('someone@kb.example', :s, 'body', 'STATUS', :now, :now)")
                .bind("s", subject)
                .bind("now", now)
                .then()
                .block(Duration.ofSeconds(10));
        return db.sql("SELECT id FROM mail_outbox WHERE subject = :s")
                .bind("s", subject)
                .map(r -> ((Number) r.get(0)).longValue())
                .one()
                .block(Duration.ofSeconds(10));
    }

    private static Map<String, Object> row(DatabaseClient db, long id) {
        return db.sql("SELECT attempts, sent_at, last_error FROM mail_outbox WHERE id = :id")
                .bind("id", id)
                .map(r -> Map.<String, Object>of(
                        "attempts", ((Number) r.get("attempts")).intValue(),
                        "sent", r.get("sent_at", OffsetDateTime.class) != null,
                        "lastError", String.valueOf(r.get("last_error", String.class))))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private static void awaitSent(DatabaseClient db, long id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Boolean.TRUE.equals(row(db, id).get("sent"))) {
            assertThat(Instant.now()).as("mail %d marked sent", id).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static Map<String, Object> awaitAttempt(DatabaseClient db, long id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, Object> r = row(db, id);
        while ((int) r.get("attempts") == 0) {
            assertThat(Instant.now()).as("mail %d attempted", id).isBefore(deadline);
            Thread.sleep(100);
            r = row(db, id);
        }
        return r;
    }
}
