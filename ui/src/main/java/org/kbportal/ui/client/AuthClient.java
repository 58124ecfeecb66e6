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
     * Exchanges credentials for a token.
     *
     * @throws BackendException with status 401 ({@code bad-credentials}) when they are wrong
     */
    public LoginResult login(String username, String password) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password))
                .retrieve()
                .body(LoginResult.class));
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

    /** Revokes the token at the backend. */
    public void logout(String token) {
        BackendCalls.run(() -> http.post()
                .uri("/api/auth/logout")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve()
                .toBodilessEntity());
    }
}
