package org.kbportal.ui.client;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Makes the declarative clients ({@code @HttpExchange} interfaces such as {@link QuestionClient}) over one
 * {@link RestClient}: the shared {@code backendRestClient} in the application, a mock-backed one in tests.
 */
public final class BackendServices {

    private final HttpServiceProxyFactory factory;

    private BackendServices(RestClient http) {
        this.factory = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(http))
                .exchangeAdapterDecorator(BackendExchange::new)
                .build();
    }

    /** The clients over {@code http}. */
    public static BackendServices over(RestClient http) {
        return new BackendServices(http);
    }

    /** A proxy of {@code api} whose calls go through {@code http}. */
    public <T> T client(Class<T> api) {
        return factory.createClient(api);
    }
}
