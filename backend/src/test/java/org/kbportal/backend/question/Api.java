package org.kbportal.backend.question;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Small JSON-over-HTTP helper for the question tests: a call returns the status and the parsed body. */
final class Api {

    record Reply(int status, Map<String, Object> body) {

        Object get(String key) {
            return body == null ? null : body.get(key);
        }

        long id() {
            return ((Number) get("id")).longValue();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) get(key);
        }
    }

    private final WebTestClient http;

    Api(WebTestClient http) {
        this.http = http;
    }

    Reply get(String token, String uri) {
        return call(HttpMethod.GET, token, uri, null);
    }

    Reply post(String token, String uri, Object body) {
        return call(HttpMethod.POST, token, uri, body);
    }

    Reply put(String token, String uri, Object body) {
        return call(HttpMethod.PUT, token, uri, body);
    }

    List<Map<String, Object>> getList(String token, String uri) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }

    List<Map<String, Object>> callList(HttpMethod method, String token, String uri, Object body) {
        WebTestClient.RequestBodySpec spec = http.method(method).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }

    Reply call(HttpMethod method, String token, String uri, Object body) {
        WebTestClient.RequestBodySpec spec = http.method(method).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<Map<String, Object>> r = ready.exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        return new Reply(r.getStatus().value(), r.getResponseBody());
    }
}
