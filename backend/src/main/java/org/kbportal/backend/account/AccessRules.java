package org.kbportal.backend.account;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every endpoint's access rule, declared once: {@link SecurityConfig} builds its {@code authorizeExchange} from
 * this list and the OpenAPI document names each operation's roles from it ({@code x-roles}). First match wins;
 * what is not listed needs a valid bearer token. Reading published knowledge is public, accounts need
 * SECURITY_ADMIN, the audit log AUDITOR, the rest of {@code /api/admin/**} ADMIN, {@code /api/expert/**}
 * EXPERT or ADMIN (separation of duties, docs/SECURITY.md). Finer checks (the asker of a question, the assignee)
 * are the services'.
 */
public final class AccessRules {

    /** Who may call: anyone, anyone signed in, or the holders of one of {@link Rule#roles()}. */
    public enum Access {
        PUBLIC,
        AUTHENTICATED,
        ROLES
    }

    /** One rule: a method (null: any) and path patterns ({@link PathPattern} syntax). */
    public record Rule(HttpMethod method, List<String> paths, Access access, List<String> roles) {

        static Rule open(HttpMethod method, String... paths) {
            return new Rule(method, List.of(paths), Access.PUBLIC, List.of());
        }

        static Rule roles(HttpMethod method, List<String> roles, String... paths) {
            return new Rule(method, List.of(paths), Access.ROLES, roles);
        }

        /** Whether this rule covers a request (or a path template such as {@code /api/questions/{id}}). */
        public boolean matches(HttpMethod requestMethod, String path) {
            if (method != null && !method.equals(requestMethod)) {
                return false;
            }
            PathContainer container = PathContainer.parsePath(path);
            return paths.stream().map(PathPatternParser.defaultInstance::parse).anyMatch(p -> p.matches(container));
        }

        /** The names the OpenAPI document lists: {@code ["anyone"]}, {@code ["signed in"]} or the roles. */
        public List<String> describe() {
            return switch (access) {
                case PUBLIC -> List.of("anyone");
                case AUTHENTICATED -> List.of("signed in");
                case ROLES -> roles;
            };
        }
    }

    private static final List<String> ADMIN = List.of(Role.ADMIN.name());

    private static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.OPTIONS, List.of("/**"), Access.PUBLIC, List.of()),
            // separation of duties: accounts are the security admin's, the audit log the auditor's
            Rule.roles(
                    null,
                    List.of(Role.SECURITY_ADMIN.name()),
                    "/api/admin/users",
                    "/api/admin/users/**",
                    "/api/admin/directory",
                    "/api/admin/directory/**"),
            Rule.roles(null, List.of(Role.AUDITOR.name()), "/api/audit", "/api/audit/**"),
            Rule.roles(null, ADMIN, "/api/admin/**", "/api/reports/**"),
            Rule.roles(null, List.of(Role.EXPERT.name(), Role.ADMIN.name()), "/api/expert/**"),
            Rule.open(HttpMethod.GET, "/actuator/health", "/actuator/health/**"),
            // metrics: a signed-in ADMIN or the scrape token (KB_METRICS_TOKEN); every other actuator endpoint
            // ADMIN, on the API port and on KB_MANAGEMENT_PORT alike
            Rule.roles(null, List.of(Role.ADMIN.name(), MetricsToken.ROLE), MetricsToken.PATH),
            Rule.roles(null, ADMIN, "/actuator", "/actuator/**"),
            Rule.open(
                    HttpMethod.POST,
                    "/api/auth/login",
                    "/api/auth/oidc/start",
                    "/api/auth/oidc/callback",
                    "/api/auth/login/mfa",
                    "/api/search/clicks",
                    "/api/articles/*/feedback"),
            Rule.open(
                    HttpMethod.GET,
                    "/api/search",
                    "/api/search/**",
                    "/api/articles",
                    "/api/articles/**",
                    "/api/categories",
                    "/api/auth/oidc",
                    "/api/auth/password-policy",
                    "/api/rules"),
            // the API description for integrators: generated from the code, no secrets in it
            Rule.open(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"));

    /** What is not listed: a valid bearer token. */
    private static final Rule SIGNED_IN = new Rule(null, List.of("/**"), Access.AUTHENTICATED, List.of());

    private AccessRules() {}

    /** The rules in order, the catch-all "signed in" last. */
    public static List<Rule> all() {
        return java.util.stream.Stream.concat(RULES.stream(), java.util.stream.Stream.of(SIGNED_IN))
                .toList();
    }

    /** The rule that decides a request, or a path template of the API. */
    public static Rule ruleFor(HttpMethod method, String path) {
        return all().stream().filter(r -> r.matches(method, path)).findFirst().orElseThrow();
    }

    /** Builds the exchange authorization from the rules, in their order. */
    static void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        for (Rule rule : RULES) {
            String[] paths = rule.paths().toArray(String[]::new);
            ServerHttpSecurity.AuthorizeExchangeSpec.Access access = Optional.ofNullable(rule.method())
                    .map(m -> exchanges.pathMatchers(m, paths))
                    .orElseGet(() -> exchanges.pathMatchers(paths));
            switch (rule.access()) {
                case PUBLIC -> access.permitAll();
                case AUTHENTICATED -> access.authenticated();
                case ROLES -> access.hasAnyRole(rule.roles().toArray(String[]::new));
            }
        }
        exchanges.anyExchange().authenticated();
    }
}
