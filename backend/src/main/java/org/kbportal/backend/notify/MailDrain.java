package org.kbportal.backend.notify;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.LeasedDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends the mail outbox through SMTP when {@code spring.mail.host} is set. Each row is leased first
 * (several instances drain one table); a failure is retried with exponential backoff, every attempt
 * counted, until {@code kb.questions.mail-max-attempts}. Without SMTP the rows stay for the admins.
 */
@Component
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
class MailDrain extends LeasedDrain<OutboxMail> {

    private static final Logger log = LoggerFactory.getLogger(MailDrain.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** The waits between attempts (the attempts are limited by the due query). */
    private static final Retry WAITS = new Retry(Integer.MAX_VALUE, Duration.ofSeconds(10), Duration.ofHours(1));

    private final NotifyRepository repo;
    private final JavaMailSender sender;
    private final KbProperties props;

    MailDrain(NotifyRepository repo, JavaMailSender sender, KbProperties props, Clock clock) {
        super("Mail outbox drain", "mail", clock, 50, 1);
        this.repo = repo;
        this.sender = sender;
        this.props = props;
    }

    @Override
    protected Flux<OutboxMail> due(Instant now, int limit) {
        return repo.dueMails(now, props.questions().mailMaxAttempts(), limit);
    }

    @Override
    protected Mono<Boolean> lease(OutboxMail m, String owner, Instant now) {
        return repo.lease(m.id(), owner, now, now.plus(LEASE));
    }

    @Override
    protected Mono<Void> attempt(OutboxMail m) {
        return repo.attachments(m.id())
                .collectList()
                .flatMap(files -> Mono.fromRunnable(() -> {
                            try {
                                MimeMessage message = sender.createMimeMessage();
                                MimeMessageHelper h = new MimeMessageHelper(message, !files.isEmpty(), "UTF-8");
                                h.setFrom(props.questions().mailFrom());
                                h.setTo(m.recipient());
                                h.setSubject(m.subject());
                                h.setText(m.body(), false);
                                for (MailAttachment f : files) {
                                    h.addAttachment(
                                            f.filename(),
                                            new org.springframework.core.io.ByteArrayResource(f.data()),
                                            f.contentType());
                                }
                                sender.send(message);
                            } catch (jakarta.mail.MessagingException e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        })
                        .subscribeOn(Schedulers.boundedElastic()))
                .then(Mono.defer(() -> repo.markSent(m.id(), clock().instant())))
                .onErrorResume(e -> {
                    log.warn(
                            "Sending mail {} to {} failed (attempt {}): {}",
                            m.id(),
                            m.recipient(),
                            m.attempts() + 1,
                            e.toString());
                    return repo.markFailed(
                            m.id(), e.toString(), clock().instant().plus(backoff(m.attempts() + 1)));
                });
    }

    /** The wait after the {@code attempts}-th failure: 10 s, 20 s, 40 s, ... at most an hour. */
    static Duration backoff(int attempts) {
        return WAITS.backoff(attempts);
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(props.questions().mailDrainInterval());
    }
}
