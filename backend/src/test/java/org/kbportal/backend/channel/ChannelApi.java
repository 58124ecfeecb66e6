package org.kbportal.backend.channel;

import java.util.List;
import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** JSON over HTTP for the channel tests: the status and the parsed body. */
final class ChannelApi {

    record Reply(int status, Object body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        Object get(String key) {
            return map().get(key);
        }

        long id() {
            return ((Number) get("id")).longValue();
        }
    }

    private final BackendServer server;

    ChannelApi(BackendServer server) {
        this.server = server;
    }

    Reply call(HttpMethod method, String token, String uri, Object body) {
        WebTestClient.RequestBodySpec spec = server.client().method(method).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        var result = ready.exchange()
                .expectBody(new ParameterizedTypeReference<Object>() {})
                .returnResult();
        return new Reply(result.getStatus().value(), result.getResponseBody());
    }

    Reply post(String token, String uri, Object body) {
        return call(HttpMethod.POST, token, uri, body);
    }

    Reply get(String token, String uri) {
        return call(HttpMethod.GET, token, uri, null);
    }

    Reply put(String token, String uri, Object body) {
        return call(HttpMethod.PUT, token, uri, body);
    }

    /** A user's id from the user list (the security admin's). */
    long userId(String secadmin, String username) {
        return get(secadmin, "/api/admin/users").list().stream()
                .filter(u -> username.equals(u.get("username")))
                .map(u -> ((Number) u.get("id")).longValue())
                .findFirst()
                .orElseThrow();
    }

    /** Sets a user's phone through the admin API. */
    void phone(String secadmin, String username, String phone) {
        Reply r = put(secadmin, "/api/admin/users/" + userId(secadmin, username), Map.of("phone", phone));
        if (r.status() != 200) {
            throw new AssertionError(r);
        }
    }

    /** Asks a question (a fault) as {@code token}; answers its id. */
    long ask(String token, String severity, String category, String title) {
        return asked(token, severity, category, title).id();
    }

    /** Asks a question (a fault) as {@code token}; answers the question as created (with its assignee). */
    Reply asked(String token, String severity, String category, String title) {
        Reply r = post(
                token,
                "/api/questions",
                Map.of(
                        "title",
                        title,
                        "body",
                        "<p>" + title + "</p>",
                        "kind",
                        "FAULT",
                        "severity",
                        severity,
                        "category",
                        category));
        if (r.status() != 201) {
            throw new AssertionError(r);
        }
        return r;
    }

    Reply deliveries(String admin, long channelId) {
        return get(admin, "/api/admin/channels/" + channelId + "/deliveries");
    }
}
