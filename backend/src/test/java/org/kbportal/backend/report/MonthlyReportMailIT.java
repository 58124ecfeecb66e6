package org.kbportal.backend.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.MailCatcher;
import org.kbportal.backend.testing.TwoInstances;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The monthly report e-mail with two backend instances on one PostgreSQL: both run the job at the
 * same moment (and again later), exactly one queues it, and each recipient gets one e-mail (sent by
 * either instance's outbox drain over real SMTP) with last month's PDF attached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportMailIT {

    TwoInstances instances;
    GreenMail smtp;
    BackendServer a;
    BackendServer b;

    @BeforeAll
    void start() throws Exception {
        smtp = MailCatcher.start();
        instances = TwoInstances.start(
                "kb-mail",
                Map.of(
                        "spring.mail.host", "127.0.0.1",
                        "spring.mail.port", MailCatcher.port(smtp),
                        "kb.questions.mail-drain-interval", "200ms",
                        // the schedule itself is off: the test fires both instances' job at the same instant
                        "kb.reports.monthly-mail.enabled", "false",
                        "kb.reports.monthly-mail.recipients", "boss@kb.example,admin@kb.example"));
        a = instances.a();
        b = instances.b();
    }

    @AfterAll
    void stop() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void shouldQueueLastMonthsReportOnceAcrossTwoInstances() throws Exception {
        MonthlyReportMailer ma = a.bean(MonthlyReportMailer.class);
        MonthlyReportMailer mb = b.bean(MonthlyReportMailer.class);
        List<Boolean> first = Mono.zip(
                        ma.runOnce().subscribeOn(Schedulers.parallel()),
                        mb.runOnce().subscribeOn(Schedulers.parallel()))
                .map(t -> List.of(t.getT1(), t.getT2()))
                .block(Duration.ofMinutes(2));
        assertThat(first).containsExactlyInAnyOrder(true, false);
        // a later check (or a restarted instance) finds the month done
        assertThat(ma.runOnce().block(Duration.ofMinutes(1))).isFalse();
        assertThat(mb.runOnce().block(Duration.ofMinutes(1))).isFalse();

        DatabaseClient db = a.bean(DatabaseClient.class);
        String month = a.bean(ReportService.class).lastMonth().toString();
        assertThat(count(db, "SELECT COUNT(*) FROM report_run WHERE kind = 'MONTHLY_REPORT'"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM report_run WHERE period = '" + month + "'"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'MONTHLY_REPORT'"))
                .isEqualTo(2);
        assertThat(count(db, "SELECT COUNT(*) FROM mail_attachment")).isEqualTo(2);

        assertThat(smtp.waitForIncomingEmail(60_000, 2)).isTrue();
        Thread.sleep(2_000); // a duplicate would come within the drain interval
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        List<String> to = new ArrayList<>();
        for (MimeMessage m : received) {
            to.add(m.getAllRecipients()[0].toString());
            assertThat(m.getSubject()).contains("月度服务总结报告").contains(month);
            Part pdf = attachment((Multipart) m.getContent());
            assertThat(pdf.getFileName()).endsWith(".pdf");
            byte[] bytes = pdf.getInputStream().readAllBytes();
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                assertThat(new PDFTextStripper().getText(doc)).contains("月度服务总结报告");
            }
        }
        assertThat(to).containsExactlyInAnyOrder("boss@kb.example", "admin@kb.example");
    }

    private static Part attachment(Multipart mp) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                return p;
            }
            if (p.getContent() instanceof Multipart inner) {
                Part found = attachment(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static long count(DatabaseClient db, String sql) {
        return ((Number) db.sql(sql).map(r -> r.get(0)).one().block(Duration.ofSeconds(30))).longValue();
    }
}
