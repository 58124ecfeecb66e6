package org.kbportal.backend.account;

import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The directory for admins: its status (configuration problems included), a sync on demand, and where
 * each account comes from. Under {@code /api/admin/}, so the same rule as {@code /api/admin/users}.
 */
@RestController
class DirectoryController {

    private final DirectoryService directory;
    private final DirectoryAccounts accounts;

    DirectoryController(DirectoryService directory, DirectoryAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping("/api/admin/directory/status")
    Mono<DirectoryService.Status> status() {
        return directory.status();
    }

    @PostMapping("/api/admin/directory/sync")
    Mono<DirectoryAccounts.SyncResult> sync(Authentication auth) {
        return directory.sync(auth.getName());
    }

    /** One account's origin: LOCAL, LDAP or OIDC, and when it was last refreshed from there. */
    record AccountOrigin(long id, String username, DirectoryAccounts.Source source, Instant lastSyncedAt) {}

    @GetMapping("/api/admin/directory/accounts")
    Flux<AccountOrigin> accounts() {
        return accounts.all().map(o -> new AccountOrigin(o.userId(), o.username(), o.source(), o.lastSyncedAt()));
    }
}
