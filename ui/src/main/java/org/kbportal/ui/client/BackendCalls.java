package org.kbportal.ui.client;

import java.util.function.Supplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/** Runs one backend call and turns transport failures into {@link BackendException}s. */
final class BackendCalls {

    private BackendCalls() {}

    static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (BackendException e) {
            throw e;
        } catch (ResourceAccessException e) {
            throw BackendException.unavailable(e);
        } catch (RestClientException e) {
            throw BackendException.unreadable(e);
        }
    }

    static void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }
}
