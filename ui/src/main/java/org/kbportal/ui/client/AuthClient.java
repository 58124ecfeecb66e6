package org.kbportal.ui.client;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Signs users in and out at the backend ({@code /api/auth}). */
@Component
public class AuthClient {

    private final RestClient http;

    public AuthClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /**
     * Sends a password: a login, or (second factor set up) the request for the second step.
     *
     * @throws BackendException with status 401 ({@code bad-credentials}) when they are wrong
     */
    public LoginAnswer begin(String username, String password) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password))
                .retrieve()
                .body(LoginAnswer.class));
    }

    /**
     * The second step: a code from the authenticator app or a recovery code.
     *
     * @throws BackendException 401 {@code mfa-code-invalid} or {@code mfa-token-invalid}, 429 throttled
     */
    public LoginAnswer secondStep(String mfaToken, String code) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/auth/login/mfa")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("mfaToken", mfaToken, "code", code))
                .retrieve()
                .body(LoginAnswer.class));
    }

    /** Whether the signed-in user has a second factor ({@code enrolled}) and whether their role requires one. */
    public Map<String, Boolean> mfaStatus(String token) {
        return BackendCalls.call(() -> http.get()
                .uri("/api/auth/mfa")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<Map<String, Boolean>>() {}));
    }

    /** Starts setting up the second factor. */
    public MfaEnrolment enrol(String token) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/auth/mfa/enrol")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve()
                .body(MfaEnrolment.class));
    }

    /** Confirms the set-up with a code from the app; the recovery codes (shown once). */
    public java.util.List<String> confirm(String token, String code) {
        record Codes(java.util.List<String> recoveryCodes) {}
        return BackendCalls.call(() -> http.post()
                        .uri("/api/auth/mfa/confirm")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("code", code))
                        .retrieve()
                        .body(Codes.class))
                .recoveryCodes();
    }

    /**
     * Changes the signed-in user's own password; the token stays valid.
     *
     * @throws BackendException {@code wrong-password} (403), {@code weak-password} (400, with {@code violations})
     */
    public void changePassword(String token, String current, String next) {
        BackendCalls.run(() -> http.post()
                .uri("/api/auth/password")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("current", current, "new", next))
                .retrieve()
                .toBodilessEntity());
    }

    /** The password rules as the backend enforces them; {@code maxAgeDays} 0: no maximum age. */
    public record PasswordRules(int minLength, int minClasses, int history, long maxAgeDays) {}

    /** The configured password policy ({@code GET /api/auth/password-policy}, public). */
    public PasswordRules passwordPolicy() {
        return BackendCalls.call(
                () -> http.get().uri("/api/auth/password-policy").retrieve().body(PasswordRules.class));
    }

    /** Whether single sign-on (OpenID Connect) is configured, and its label. */
    public record OidcInfo(boolean configured, String label) {}

    /** The backend's OIDC settings; not configured when the backend cannot say. */
    public OidcInfo oidc() {
        try {
            OidcInfo info = BackendCalls.call(
                    () -> http.get().uri("/api/auth/oidc").retrieve().body(OidcInfo.class));
            return info == null ? new OidcInfo(false, null) : info;
        } catch (BackendException e) {
            return new OidcInfo(false, null);
        }
    }

    private record Started(String authorizationUri) {}

    /** Starts an OIDC sign-in that returns to {@code redirectUri}: the provider's URI to send the browser to. */
    public String oidcStart(String redirectUri) {
        return BackendCalls.call(() -> http.post()
                        .uri("/api/auth/oidc/start")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("redirectUri", redirectUri))
                        .retrieve()
                        .body(Started.class))
                .authorizationUri();
    }

    /** Finishes an OIDC sign-in with what the provider sent back; the backend validates it. */
    public OidcSignIn oidcCallback(String code, String state) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/auth/oidc/callback")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "state", state))
                .retrieve()
                .body(OidcSignIn.class));
    }

    /** Revokes the token at the backend. */
    public void logout(String token) {
        BackendCalls.run(() -> http.post()
                .uri("/api/auth/logout")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve()
                .toBodilessEntity());
    }
}
