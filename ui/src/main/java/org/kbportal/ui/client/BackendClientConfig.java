package org.kbportal.ui.client;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The one {@link RestClient} all feature clients share: base URL, timeouts, token, problem mapping. */
@Configuration(proxyBeanMethods = false)
class BackendClientConfig {

    @Bean
    RestClient backendRestClient(RestClient.Builder builder, BackendProperties props, TokenSource tokens) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(props.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(props.readTimeout());
        return configure(builder.clone(), props, tokens).requestFactory(factory).build();
    }

    /**
     * Everything but the transport, so that tests can put a mock server under the same client.
     */
    static RestClient.Builder configure(RestClient.Builder builder, BackendProperties props, TokenSource tokens) {
        return builder.baseUrl(props.backendUrl().toString())
                .requestInterceptor((request, body, execution) -> {
                    boolean sendsToken = false;
                    if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                        var token = tokens.currentToken();
                        if (token.isPresent()) {
                            request.getHeaders().setBearerAuth(token.get());
                            sendsToken = true;
                        }
                    }
                    tokens.clientAddress()
                            .ifPresent(address -> request.getHeaders().set("X-Forwarded-For", address));
                    var response = execution.execute(request, body);
                    // an expired or revoked token also breaks public reads: forget it at once
                    if (sendsToken && response.getStatusCode().value() == 401) {
                        tokens.tokenRejected();
                    }
                    return response;
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw ProblemDecoder.decode(response);
                });
    }
}
