package org.kbportal.ui.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one {@link RestClient} all feature clients share: base URL, timeouts, token, problem mapping. */
@Configuration(proxyBeanMethods = false)
class BackendClientConfig {

    /**
     * Reads the backend's answers the way Jackson 2 did: a field the backend leaves out (an older
     * backend behind {@code KB_BACKEND_URL}, or {@code null}s it omits) becomes the type's default
     * instead of failing the whole page (Jackson 3 fails on a missing primitive by default), and an enum constant it
     * does not know becomes null. Writes requests the
     * way the backend writes answers: a null field of a contract record is left out, not sent as {@code null}.
     */
    static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(
                    incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a newer backend's enum constant (a new question action) is skipped, not a broken page
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    @Bean
    RestClient backendRestClient(RestClient.Builder builder, BackendProperties props, TokenSource tokens) {
        HttpClient http = props.httpClient().build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(props.readTimeout());
        return configure(builder.clone(), props, tokens).requestFactory(factory).build();
    }

    @Bean
    BackendServices backendServices(RestClient backendRestClient) {
        return BackendServices.over(backendRestClient);
    }

    @Bean
    QuestionClient questionClient(BackendServices services) {
        return services.client(QuestionClient.class);
    }

    @Bean
    OperationsClient operationsClient(BackendServices services) {
        return services.client(OperationsClient.class);
    }

    @Bean
    NotificationClient notificationClient(BackendServices services) {
        return services.client(NotificationClient.class);
    }

    @Bean
    SlaClient slaClient(BackendServices services) {
        return services.client(SlaClient.class);
    }

    @Bean
    DirectoryClient directoryClient(BackendServices services) {
        return services.client(DirectoryClient.class);
    }

    @Bean
    PersonalDataClient personalDataClient(BackendServices services) {
        return services.client(PersonalDataClient.class);
    }

    @Bean
    ChannelClient channelClient(BackendServices services) {
        return services.client(ChannelClient.class);
    }

    @Bean
    DutyClient dutyClient(BackendServices services) {
        return services.client(DutyClient.class);
    }

    @Bean
    ReportClient reportClient(BackendServices services) {
        return services.client(ReportClient.class);
    }

    @Bean
    SearchClient searchClient(BackendServices services) {
        return services.client(SearchClient.class);
    }

    @Bean
    IndexClient indexClient(BackendServices services) {
        return services.client(IndexClient.class);
    }

    @Bean
    SynonymClient synonymClient(BackendServices services) {
        return services.client(SynonymClient.class);
    }

    @Bean
    ArticleClient articleClient(BackendServices services) {
        return services.client(ArticleClient.class);
    }

    /**
     * Everything but the transport, so that tests can put a mock server under the same client.
     */
    static RestClient.Builder configure(RestClient.Builder builder, BackendProperties props, TokenSource tokens) {
        return builder.baseUrl(props.backendUrl().toString())
                .configureMessageConverters(c -> c.withJsonConverter(new JacksonJsonHttpMessageConverter(JSON)))
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
