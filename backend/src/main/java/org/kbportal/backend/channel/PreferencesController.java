package org.kbportal.backend.channel;

import org.kbportal.backend.account.KbPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own notification choices (any signed-in user). */
@RestController
class PreferencesController {

    private final Channels channels;

    PreferencesController(Channels channels) {
        this.channels = channels;
    }

    private static long userId(Authentication auth) {
        return ((KbPrincipal) auth.getPrincipal()).userId();
    }

    @GetMapping("/api/me/notification-preferences")
    Mono<NotificationPreferences> get(Authentication auth) {
        return channels.preferences(userId(auth));
    }

    @PutMapping("/api/me/notification-preferences")
    Mono<NotificationPreferences> put(@RequestBody NotificationPreferences p, Authentication auth) {
        return Mono.fromCallable(p::validated).flatMap(v -> channels.savePreferences(userId(auth), v));
    }
}
