package org.kbportal.backend.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.system.KbProperties;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class MailDrainTest {

    static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

    NotifyRepository repo = mock(NotifyRepository.class);
    JavaMailSender sender = mock(JavaMailSender.class);
    MailDrain drain;
    OutboxMail mail =
            new OutboxMail(7, "user@kb.example", "主题", "正文", "ANSWERED", 1L, NOW, 2, NOW, null, "previous failure");

    @BeforeEach
    void setUp() {
        KbProperties props = new KbProperties(
                Path.of("/tmp"),
                null,
                null,
                null,
                null,
                new KbProperties.Questions(
                        ZoneId.of("Asia/Shanghai"),
                        7,
                        Duration.ofSeconds(30),
                        20_000,
                        Duration.ofMillis(300),
                        Duration.ofSeconds(15),
                        "kb@localhost",
                        Duration.ofSeconds(2),
                        6,
                        org.springframework.util.unit.DataSize.ofMegabytes(10),
                        20,
                        Duration.ofSeconds(5)),
                null,
                null,
                null,
                null,
                null,
                null);
        drain = new MailDrain(repo, sender, props, Clock.fixed(NOW, ZoneOffset.UTC));
        when(repo.dueMails(any(), anyInt(), anyInt())).thenReturn(Flux.just(mail));
        when(repo.attachments(anyLong())).thenReturn(Flux.empty());
        when(repo.lease(eq(7L), anyString(), any(), any())).thenReturn(Mono.just(true));
        when(repo.markSent(anyLong(), any())).thenReturn(Mono.empty());
        when(repo.markFailed(anyLong(), anyString(), any())).thenReturn(Mono.empty());
        when(sender.createMimeMessage()).thenAnswer(i -> new MimeMessage(Session.getInstance(new Properties())));
    }

    @Test
    void shouldMarkASentMailAsSent() {
        StepVerifier.create(drain.drainOnce()).verifyComplete();
        verify(sender).send(any(MimeMessage.class));
        verify(repo).markSent(7L, NOW);
        verify(repo, never()).markFailed(anyLong(), anyString(), any());
    }

    @Test
    void shouldRecordTheFailedAttemptAndRetryLater() {
        doThrow(new MailSendException("connection refused")).when(sender).send(any(MimeMessage.class));
        StepVerifier.create(drain.drainOnce()).verifyComplete();
        // third attempt failed: wait 40 s
        verify(repo)
                .markFailed(
                        eq(7L), org.mockito.ArgumentMatchers.contains("connection refused"), eq(NOW.plusSeconds(40)));
        verify(repo, never()).markSent(anyLong(), any());
    }

    @Test
    void shouldSkipRowsLeasedByAnotherInstance() {
        when(repo.attachments(anyLong())).thenReturn(Flux.empty());
        when(repo.lease(eq(7L), anyString(), any(), any())).thenReturn(Mono.just(false));
        StepVerifier.create(drain.drainOnce()).verifyComplete();
        verify(sender, never()).send(any(MimeMessage.class));
    }

    @Test
    void shouldBackOffExponentiallyUpToAnHour() {
        assertThat(MailDrain.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(MailDrain.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(MailDrain.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(MailDrain.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldWriteMailsInTheRecipientsLanguage() {
        Map<String, String> vars = Map.of("id", "5", "title", "VPN", "status", "RESOLVED");
        assertThat(MailTemplates.render("zh", "STATUS", vars).subject()).isEqualTo("[知识库] 您的问题 #5 状态变为 RESOLVED");
        assertThat(MailTemplates.render("en", "STATUS", vars).subject())
                .isEqualTo("[KB] Your question #5 is now RESOLVED");
        assertThat(MailTemplates.render("fr", "ANSWERED", vars).body())
                .contains("专家已答复")
                .doesNotContain("{");
    }
}
