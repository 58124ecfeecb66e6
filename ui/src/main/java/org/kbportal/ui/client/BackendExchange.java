package org.kbportal.ui.client;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpExchangeAdapterDecorator;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * Every declarative client's exchange, wrapped once: a backend that cannot be reached or an answer that cannot be
 * read becomes a {@link BackendException} here, as the {@code RestClient}'s status handler already turns problem
 * answers into one ({@link ProblemDecoder}). No client method repeats a try/catch.
 */
final class BackendExchange extends HttpExchangeAdapterDecorator {

    BackendExchange(HttpExchangeAdapter delegate) {
        super(delegate);
    }

    @Override
    public void exchange(HttpRequestValues values) {
        BackendCalls.run(() -> super.exchange(values));
    }

    @Override
    public HttpHeaders exchangeForHeaders(HttpRequestValues values) {
        return BackendCalls.call(() -> super.exchangeForHeaders(values));
    }

    @Override
    public <T> T exchangeForBody(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
        return BackendCalls.call(() -> super.exchangeForBody(values, bodyType));
    }

    @Override
    public ResponseEntity<Void> exchangeForBodilessEntity(HttpRequestValues values) {
        return BackendCalls.call(() -> super.exchangeForBodilessEntity(values));
    }

    @Override
    public <T> ResponseEntity<T> exchangeForEntity(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
        return BackendCalls.call(() -> super.exchangeForEntity(values, bodyType));
    }
}
