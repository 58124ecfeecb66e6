package org.kbportal.backend.notify;

import jakarta.validation.Valid;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.account.AccountService;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.backend.account.Role;
import org.kbportal.backend.duty.DutyService;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.notify.MarkedRead;
import org.kbportal.contract.notify.Notification;
import org.kbportal.contract.notify.NotificationLanguage;
import org.kbportal.contract.notify.UnreadCount;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** In-portal notifications, the experts' live event stream and the mail outbox for admins. */
@RestController
class NotificationController {

    private final Notifier notifier;
    private final KbProperties props;
    private final AccountService accounts;
    private final DutyService duty;

    NotificationController(Notifier notifier, KbProperties props, AccountService accounts, DutyService duty) {
        this.notifier = notifier;
        this.props = props;
        this.accounts = accounts;
        this.duty = duty;
    }

    private static long userId(Authentication auth) {
        return ((KbPrincipal) auth.getPrincipal()).userId();
    }

    @GetMapping("/api/notifications")
    Flux<Notification> list(@RequestParam(defaultValue = "false") boolean unread, Authentication auth) {
        return notifier.list(userId(auth), unread, 100);
    }

    @GetMapping("/api/notifications/unread-count")
    Mono<UnreadCount> unread(Authentication auth) {
        return notifier.unread(userId(auth)).map(UnreadCount::new);
    }

    @PostMapping("/api/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> read(@PathVariable long id, Authentication auth) {
        return notifier.markRead(userId(auth), id).then();
    }

    @PostMapping("/api/notifications/read-all")
    Mono<MarkedRead> readAll(Authentication auth) {
        return notifier.markRead(userId(auth), null).map(MarkedRead::new);
    }

    /** The language of the caller's e-mails and in-portal notifications (zh unless chosen). */
    @GetMapping("/api/notifications/language")
    Mono<NotificationLanguage> language(Authentication auth) {
        return notifier.language(userId(auth)).map(NotificationLanguage::new);
    }

    /** Chooses the language of the caller's e-mails and in-portal notifications. */
    @PutMapping("/api/notifications/language")
    Mono<NotificationLanguage> setLanguage(@Valid @RequestBody NotificationLanguage l, Authentication auth) {
        return notifier.setLanguage(userId(auth), l.lang()).thenReturn(l);
    }

    /**
     * Live events for experts: every new notification (new or assigned question, warning,
     * escalation) as an SSE event named by its kind, with the notification id as event id. Reads the
     * shared table, so it works whichever instance wrote the notification. A reconnecting client
     * sends {@code Last-Event-ID} and gets what it missed; an idle stream sends a heartbeat comment
     * every {@code kb.questions.event-heartbeat} so that proxies do not cut it. Only admins and active
     * experts ({@code Expert.active()}: enabled, EXPERT role, active record) may open it: {@code 403
     * urn:kb:not-an-active-expert}. Every {@code kb.questions.event-recheck} the stream checks its token
     * again and completes once the token is revoked (logout) or expired, or its account is disabled or no
     * longer an expert or admin: an open stream must not outlive the login it was opened with.
     */
    @GetMapping(path = "/api/expert/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Notification>> events(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Authentication auth) {
        long user = userId(auth);
        Long resumeAfter = parseId(lastEventId);
        boolean admin = ((KbPrincipal) auth.getPrincipal()).roles().contains(Role.ADMIN);
        Mono<Boolean> allowed = admin ? Mono.just(true) : duty.isActiveExpert(user);
        Mono<Long> start = allowed.flatMap(ok -> ok
                ? (resumeAfter != null ? Mono.just(resumeAfter) : notifier.lastId(user))
                : Mono.error(new KbException(
                        HttpStatus.FORBIDDEN,
                        "not-an-active-expert",
                        "Forbidden",
                        "The live events are for active experts.")));
        return start.flatMapMany(from -> {
            AtomicLong last = new AtomicLong(from);
            Flux<ServerSentEvent<Notification>> live = Flux.interval(
                            props.questions().eventPoll())
                    .onBackpressureDrop()
                    .concatMap(t -> notifier.newerThan(user, last.get()))
                    .doOnNext(n -> last.accumulateAndGet(n.id(), Math::max))
                    .map(n -> ServerSentEvent.<Notification>builder(n)
                            .id(String.valueOf(n.id()))
                            .event(n.kind())
                            .build());
            Flux<ServerSentEvent<Notification>> heartbeat = Flux.interval(
                            props.questions().eventHeartbeat())
                    .onBackpressureDrop()
                    .map(t -> ServerSentEvent.<Notification>builder()
                            .comment("heartbeat")
                            .build());
            return Flux.concat(
                            Flux.just(ServerSentEvent.<Notification>builder()
                                    .comment("connected")
                                    .build()),
                            Flux.merge(live, heartbeat))
                    .takeUntilOther(loginGone(auth));
        });
    }

    /** Emits once the stream's token no longer stands for an expert or admin. */
    private Mono<Long> loginGone(Authentication auth) {
        String token = (String) auth.getCredentials();
        return Flux.interval(props.questions().eventRecheck())
                .onBackpressureDrop()
                .concatMap(t -> accounts.authenticate(token)
                        .map(p -> p.roles().contains(Role.EXPERT) || p.roles().contains(Role.ADMIN))
                        .defaultIfEmpty(false)
                        .filter(valid -> !valid)
                        .map(x -> t))
                .next();
    }

    /** A {@code Last-Event-ID} as sent back by a client; anything else is ignored (a fresh start). */
    static Long parseId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank() || lastEventId.length() > 19) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.trim());
            return id >= 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/api/admin/mail-outbox")
    Flux<OutboxMail> outbox(
            @RequestParam(defaultValue = "false") boolean pending, @RequestParam(defaultValue = "100") int limit) {
        return notifier.outbox(pending, Math.max(1, Math.min(limit, 500)));
    }
}
