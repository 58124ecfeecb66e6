package org.kbportal.backend.notify;

import java.time.Clock;
import java.util.Map;
import org.kbportal.contract.notify.Notification;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells people about questions: an in-portal notification plus an e-mail in the recipient's language
 * (zh unless they chose en), written to the outbox in the caller's transaction. Sending happens
 * later, see {@link MailDrain}.
 */
@Service
public class Notifier {

    private final NotifyRepository repo;
    private final Clock clock;
    private final org.kbportal.backend.channel.Channels channels;

    Notifier(NotifyRepository repo, Clock clock, org.kbportal.backend.channel.Channels channels) {
        this.repo = repo;
        this.clock = clock;
        this.channels = channels;
    }

    /** Who to tell: a user, and their address (none: in-portal only). */
    public record Recipient(long userId, String email) {}

    /** The language a user's e-mails and in-portal notifications are written in: zh unless chosen. */
    public Mono<String> language(long userId) {
        return repo.language(userId).defaultIfEmpty("zh");
    }

    /**
     * @param template ASSIGNED, WARNING, ESCALATED, ANSWERED, STATUS, UNASSIGNED, QUEUED, WAITING or LOW_RATING
     * @param vars {@code id}, {@code title}, {@code status}, {@code detail}
     */
    public Mono<Void> notify(Recipient to, String template, Long questionId, Map<String, String> vars) {
        return language(to.userId()).flatMap(lang -> {
            MailTemplates.Text text = MailTemplates.render(lang, template, vars);
            Mono<Void> note =
                    repo.insertNotification(to.userId(), template, questionId, text.subject(), clock.instant());
            // the recipient's choices (channel/NotificationPreferences) decide about the e-mail, not the portal
            Mono<Void> mail = to.email() == null || to.email().isBlank()
                    ? Mono.empty()
                    : channels.wantsEmail(to.userId(), template)
                            .filter(Boolean::booleanValue)
                            .flatMap(ok -> repo.insertMail(
                                    to.email(), text.subject(), text.body(), template, questionId, clock.instant()));
            return note.then(mail);
        });
    }

    /**
     * An e-mail with files (e.g. the monthly report PDF), not about a question: written to the outbox
     * in the caller's transaction and sent by {@link MailDrain} as a multipart message.
     */
    public Mono<Void> mail(String to, String subject, String body, String kind, java.util.List<MailAttachment> files) {
        return repo.insertMailWithAttachments(to, subject, body, kind, files, clock.instant());
    }

    public Mono<Void> notifyAll(Flux<Recipient> to, String template, Long questionId, Map<String, String> vars) {
        return to.concatMap(r -> notify(r, template, questionId, vars)).then();
    }

    public Flux<Notification> list(long userId, boolean unreadOnly, int limit) {
        return repo.notifications(userId, unreadOnly, 0, limit);
    }

    public Mono<Long> unread(long userId) {
        return repo.unread(userId);
    }

    public Mono<Long> markRead(long userId, Long id) {
        return repo.markRead(userId, id, clock.instant());
    }

    public Mono<Void> setLanguage(long userId, String lang) {
        return repo.setLanguage(userId, lang);
    }

    public Flux<OutboxMail> outbox(boolean pendingOnly, int limit) {
        return repo.mails(pendingOnly, limit);
    }

    /** Notifications after {@code afterId}, oldest first. */
    Flux<Notification> newerThan(long userId, long afterId) {
        return repo.notifications(userId, false, afterId, 100).sort((a, b) -> Long.compare(a.id(), b.id()));
    }

    Mono<Long> lastId(long userId) {
        return repo.lastNotificationId(userId);
    }
}
