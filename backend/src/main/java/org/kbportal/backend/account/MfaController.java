package org.kbportal.backend.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.audit.ClientAddress;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Setting up the second factor (signed in: {@code /api/auth/mfa/**}) and its reset by an administrator
 * ({@code DELETE /api/admin/users/{id}/mfa}: the same path rule as the rest of user management, audited
 * by the audit filter like every admin change).
 */
@RestController
class MfaController {

    private final MfaService mfa;
    private final AccountService accounts;
    private final AuditLog audit;
    private final KbProperties props;

    MfaController(MfaService mfa, AccountService accounts, AuditLog audit, KbProperties props) {
        this.mfa = mfa;
        this.accounts = accounts;
        this.audit = audit;
        this.props = props;
    }

    record ConfirmRequest(
            @NotBlank(message = "code is required") @Size(max = 20)
            String code) {}

    record RecoveryCodes(List<String> recoveryCodes) {}

    record Reset(long userId, boolean hadSecondFactor) {}

    @GetMapping("/api/auth/mfa")
    Mono<MfaService.Status> status(Authentication auth) {
        KbPrincipal p = (KbPrincipal) auth.getPrincipal();
        return mfa.status(p.userId(), p.roles());
    }

    @PostMapping("/api/auth/mfa/enrol")
    Mono<MfaService.Enrolment> enrol(Authentication auth) {
        KbPrincipal p = (KbPrincipal) auth.getPrincipal();
        return mfa.enrol(p.userId(), p.username());
    }

    @PostMapping("/api/auth/mfa/confirm")
    Mono<RecoveryCodes> confirm(
            @Valid @RequestBody ConfirmRequest request, Authentication auth, ServerHttpRequest http) {
        KbPrincipal p = (KbPrincipal) auth.getPrincipal();
        String ip = ClientAddress.of(http, props.audit().trustedProxies());
        return mfa.confirm(p.userId(), request.code())
                .flatMap(codes -> audit.record(
                                p.username(), "auth.mfa-enrolled", null, 200, codes.size() + " recovery codes", ip)
                        .thenReturn(new RecoveryCodes(codes)));
    }

    @DeleteMapping("/api/admin/users/{id}/mfa")
    Mono<Reset> reset(@PathVariable long id) {
        return accounts.byId(id).flatMap(u -> mfa.reset(u.id())).map(had -> new Reset(id, had));
    }
}
