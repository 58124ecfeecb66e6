package org.kbportal.ui.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Streams files from the backend for downloads. A download runs outside the UI's session lock, so
 * this client never asks the {@link TokenSource} (which reads the session): the caller passes who
 * is asking, captured while the session was locked. The backend's refusal is thrown before the
 * first byte is written, so the caller can still answer with a message instead of a broken file.
 */
@Component
public class BackendFiles {

    /** Who asks for a file: the bearer token (null when nobody is signed in) and the browser's address. */
    public record Caller(String token, String clientAddress) {

        public static Caller anonymous() {
            return new Caller(null, null);
        }
    }

    /** A file the backend serves: {@code GET path?params}. Made by the feature clients, which know the paths. */
    public record Request(String path, Map<String, Object> params) {

        public Request {
            // in order, and null values allowed (they are left out of the query)
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }

        public static Request of(String path) {
            return new Request(path, Map.of());
        }
    }

    private final RestClient http;

    @Autowired
    public BackendFiles(RestClient.Builder builder, BackendProperties props) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(props.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(props.readTimeout());
        this.http = configure(builder.clone(), props).requestFactory(factory).build();
    }

    /** The shared set-up without the session's {@link TokenSource}: each request names its caller. */
    static RestClient.Builder configure(RestClient.Builder builder, BackendProperties props) {
        return BackendClientConfig.configure(builder, props, TokenSource.anonymous());
    }

    /** Package-private for tests that put a mock server under the client. */
    BackendFiles(RestClient http) {
        this.http = http;
    }

    /**
     * Copies the answer of {@code GET path?params} into the stream {@code target} opens; {@code
     * target} is called only once the backend has accepted the request.
     *
     * @throws BackendException when the backend refuses or cannot be reached (nothing written then)
     */
    public void stream(Request file, Caller caller, Supplier<OutputStream> target) {
        BackendCalls.run(() -> http.get()
                .uri(QueryUris.of(file.path(), file.params()))
                .headers(h -> {
                    if (caller.token() != null && !caller.token().isEmpty()) {
                        h.setBearerAuth(caller.token());
                    }
                    if (caller.clientAddress() != null) {
                        h.set("X-Forwarded-For", caller.clientAddress());
                    }
                    h.set(HttpHeaders.ACCEPT, "*/*");
                })
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw ProblemDecoder.decode(response);
                    }
                    try (InputStream in = response.getBody()) {
                        in.transferTo(target.get());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                }));
    }
}
