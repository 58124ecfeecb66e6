package org.kbportal.backend.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The API's security chain: bearer tokens (and the metrics scrape token), the second-factor gate, RFC 9457
 * refusals, and the access rules of {@link AccessRules} (the one table of who may call what).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    private static final tools.jackson.databind.ObjectMapper MAPPER = new tools.jackson.databind.ObjectMapper();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }

    @Bean
    SecurityWebFilterChain api(
            ServerHttpSecurity http,
            AccountService accounts,
            org.kbportal.backend.audit.AccessRefusals refusals,
            org.kbportal.backend.system.KbProperties props,
            @org.springframework.beans.factory.annotation.Value("${kb.metrics.token:}") String metricsToken,
            MfaService mfa) {
        MetricsToken scrape = new MetricsToken(metricsToken);
        ReactiveAuthenticationManager manager = auth -> auth instanceof MetricsToken.Scrape
                ? Mono.just(MetricsToken.authenticated())
                : accounts.authenticateRequest((String) auth.getCredentials())
                        .switchIfEmpty(Mono.error(new BadCredentialsException("invalid token")))
                        .map(a -> new UsernamePasswordAuthenticationToken(
                                a.principal(),
                                auth.getCredentials(),
                                java.util.stream.Stream.concat(
                                                a.principal().roles().stream()
                                                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())),
                                                a.passwordChangeRequired()
                                                        ? java.util.stream.Stream.of(new SimpleGrantedAuthority(
                                                                PasswordChangeGate.AUTHORITY))
                                                        : java.util.stream.Stream.empty())
                                        .toList()));
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(manager);
        bearer.setServerAuthenticationConverter(exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Mono.empty();
            }
            String token = header.substring(7).strip();
            if (MetricsToken.PATH.equals(exchange.getRequest().getPath().value()) && scrape.matches(token)) {
                return Mono.just(new MetricsToken.Scrape());
            }
            return Mono.just(new UsernamePasswordAuthenticationToken(token, token));
        });
        // audited per address (aggregated: a stream of made-up tokens is one event and a count)
        bearer.setAuthenticationFailureHandler((webFilterExchange, e) -> refusals.refused(
                        null,
                        org.kbportal.backend.audit.ClientAddress.of(
                                webFilterExchange.getExchange().getRequest(),
                                props.audit().trustedProxies()),
                        "auth.invalid-token",
                        webFilterExchange.getExchange().getRequest().getMethod().name() + " "
                                + webFilterExchange
                                        .getExchange()
                                        .getRequest()
                                        .getPath()
                                        .value(),
                        401,
                        "unknown or expired bearer token")
                .then(problem(
                        webFilterExchange.getExchange(),
                        HttpStatus.UNAUTHORIZED,
                        "invalid-token",
                        "Not signed in",
                        "The login token is unknown or expired; sign in again.")));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                // a role that requires a second factor, none set up yet: enrolment only
                .addFilterBefore(new MfaGate(mfa), SecurityWebFiltersOrder.AUTHORIZATION)
                // every rule in one declarative table, shared with the OpenAPI document
                .authorizeExchange(AccessRules::apply)
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) -> problem(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "unauthenticated",
                                "Not signed in",
                                "Sign in first: send 'Authorization: Bearer <token>' from POST /api/auth/login."))
                        .accessDeniedHandler((exchange, ex) -> exchange.getPrincipal()
                                .map(java.security.Principal::getName)
                                .flatMap(actor -> refusals.refused(
                                        actor,
                                        org.kbportal.backend.audit.ClientAddress.of(
                                                exchange.getRequest(),
                                                props.audit().trustedProxies()),
                                        "access.denied",
                                        exchange.getRequest().getMethod().name() + " "
                                                + exchange.getRequest()
                                                        .getPath()
                                                        .value(),
                                        403,
                                        "role may not do this"))
                                .then(problem(
                                        exchange,
                                        HttpStatus.FORBIDDEN,
                                        "forbidden",
                                        "Forbidden",
                                        "Your role may not do this."))))
                .build();
    }

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().put(HttpHeaders.WWW_AUTHENTICATE, List.of("Bearer"));
        }
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "urn:kb:" + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(body);
        } catch (tools.jackson.core.JacksonException e) {
            json = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
        }
        DataBuffer buffer = response.bufferFactory().wrap(json);
        return response.writeWith(Mono.just(buffer));
    }
}
