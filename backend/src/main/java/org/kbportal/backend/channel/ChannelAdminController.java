package org.kbportal.backend.channel;

import org.kbportal.backend.account.AccountService;
import org.kbportal.backend.account.KbPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Admin API of the notification channels (ADMIN only, as all of {@code /api/admin/**}). */
@RestController
class ChannelAdminController {

    private final Channels channels;
    private final ChannelProperties props;
    private final AccountService accounts;

    ChannelAdminController(Channels channels, ChannelProperties props, AccountService accounts) {
        this.channels = channels;
        this.props = props;
        this.accounts = accounts;
    }

    @GetMapping("/api/admin/channels")
    Flux<ChannelView> list() {
        return channels.list().map(ChannelView::of);
    }

    @GetMapping("/api/admin/channels/{id}")
    Mono<ChannelView> one(@PathVariable long id) {
        return channels.find(id).map(ChannelView::of);
    }

    @PostMapping("/api/admin/channels")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ChannelView> create(@RequestBody ChannelInput in) {
        return Mono.fromCallable(() -> in.validate(props))
                .flatMap(row -> channels.create(row, in.secret()))
                .map(ChannelView::of);
    }

    @PutMapping("/api/admin/channels/{id}")
    Mono<ChannelView> update(@PathVariable long id, @RequestBody ChannelInput in) {
        return Mono.fromCallable(() -> in.validate(props))
                .flatMap(row -> channels.update(id, row, in.secret()))
                .map(ChannelView::of);
    }

    @DeleteMapping("/api/admin/channels/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable long id) {
        return channels.delete(id);
    }

    /** Sends a test message now; the answer is the delivery with the receiver's status code. */
    @PostMapping("/api/admin/channels/{id}/test")
    Mono<Delivery> test(@PathVariable long id, Authentication auth) {
        long user = ((KbPrincipal) auth.getPrincipal()).userId();
        return accounts.byId(user)
                .map(u -> u.phone() == null ? "" : u.phone())
                .defaultIfEmpty("")
                .flatMap(phone -> channels.test(id, phone.isBlank() ? null : phone));
    }

    @GetMapping("/api/admin/channels/{id}/deliveries")
    Flux<Delivery> deliveries(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        return channels.deliveries(id, Math.max(1, Math.min(limit, 500)));
    }

    @PostMapping("/api/admin/channels/deliveries/{id}/redeliver")
    Mono<Delivery> redeliver(@PathVariable long id) {
        return channels.redeliver(id);
    }
}
