package org.kbportal.backend.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** User management for security administrators (the path is SECURITY_ADMIN-only in {@link SecurityConfig}). */
@RestController
class UserAdminController {

    private final AccountService accounts;
    private final LoginService logins;
    private final DirectoryService directory;

    UserAdminController(AccountService accounts, LoginService logins, DirectoryService directory) {
        this.accounts = accounts;
        this.logins = logins;
        this.directory = directory;
    }

    /** Whether the name had failed logins or a lock that were cleared. */
    record Unlocked(String username, boolean wasLocked) {}

    /** Lifts a login lock (and forgets the failures) of a user name; audited like every admin change. */
    @PostMapping("/api/admin/users/{username}/unlock")
    Mono<Unlocked> unlock(@PathVariable String username) {
        return logins.unlock(username).map(cleared -> new Unlocked(username, cleared));
    }

    record CreateUser(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{2,64}", message = "2-64 letters, digits, '.', '_' or '-'")
            String username,

            // the rules are the password policy's (kb.password.*, 400 urn:kb:weak-password)
            @NotBlank @Size(max = 200, message = "at most 200 characters")
            String password,

            @NotBlank @Size(max = 100) String displayName,
            @Email @Size(max = 200) String email,
            @Size(max = 50) String phone,
            @Size(max = 200) String unit,
            @Positive Long organisationId,
            @Size(max = 300) String address,
            @NotEmpty(message = "at least one role") Set<Role> roles) {}

    record UpdateUser(
            @Size(min = 1, max = 200, message = "1-200 characters")
            String password,

            @Size(min = 1, max = 100) String displayName,
            @Email @Size(max = 200) String email,
            @Size(max = 50) String phone,
            @Size(max = 200) String unit,
            @Positive Long organisationId,
            @Size(max = 300) String address,
            @Size(min = 1, message = "at least one role") Set<Role> roles,
            Boolean enabled) {}

    @GetMapping("/api/admin/users")
    Flux<UserAccount> list() {
        return accounts.all();
    }

    @GetMapping("/api/admin/users/{id}")
    Mono<UserAccount> get(@PathVariable long id) {
        return accounts.byId(id);
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<UserAccount> create(@Valid @RequestBody CreateUser c) {
        return accounts.create(new AccountService.NewUser(
                c.username(),
                c.password(),
                c.displayName(),
                c.email(),
                c.phone(),
                c.unit(),
                c.organisationId(),
                c.address(),
                c.roles()));
    }

    @PutMapping("/api/admin/users/{id}")
    Mono<UserAccount> update(
            @PathVariable long id,
            @Valid @RequestBody UpdateUser u,
            org.springframework.security.core.Authentication auth) {
        // directory and OIDC accounts have no local password (409 urn:kb:external-account)
        Mono<Void> local = u.password() == null ? Mono.empty() : directory.requireLocalPassword(id);
        return local.then(Mono.defer(() -> accounts.update(
                id,
                new AccountService.ProfileChange(
                        u.password(),
                        u.displayName(),
                        u.email(),
                        u.phone(),
                        u.unit(),
                        u.organisationId(),
                        u.address(),
                        u.roles(),
                        u.enabled()),
                ((KbPrincipal) auth.getPrincipal()).userId())));
    }
}
