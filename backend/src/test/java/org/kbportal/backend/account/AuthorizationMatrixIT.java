package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.ReadmeApi;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The authorization matrix (等保 8.1.4.2 访问控制): every endpoint the README's API tables list × every caller
 * (anonymous and each role) is allowed or refused exactly as the separation of duties says. The README is
 * parsed ({@link ReadmeApi}), so a new row is covered at once; a row whose endpoints match no rule below fails the test (decide
 * who may call it, then add the rule). "Allowed" means the security layer lets the call through (the
 * answer is neither {@code 401} nor the role refusal {@code 403 urn:kb:forbidden}; a {@code 400}/{@code
 * 404} of the made-up ids is fine); "refused" means {@code 401} for anonymous and {@code 403
 * urn:kb:forbidden} for a signed-in role. H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /** The callers: anonymous, then one demo account per role. */
    enum Caller {
        ANONYMOUS(null, null),
        USER("user", "user-demo-2026"),
        EXPERT("expert", "expert-demo-2026"),
        ADMIN("admin", "admin-demo-2026"),
        SECURITY_ADMIN("secadmin", "secadmin-demo-2026"),
        AUDITOR("auditor", "auditor-demo-2026");

        final String username;
        final String password;

        Caller(String username, String password) {
            this.username = username;
            this.password = password;
        }
    }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

    /** Who may call what: the specification the matrix checks, first match wins. */
    private record Rule(Pattern method, Pattern path, Set<Caller> allowed) {
        static Rule of(String methods, String path, Set<Caller> allowed) {
            return new Rule(Pattern.compile(methods), Pattern.compile(path), allowed);
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.of("GET", "/actuator/health(/.*)?", EVERYONE),
            Rule.of(".*", "/actuator(/.*)?", EnumSet.of(Caller.ADMIN)),
            // one person's data: export and erasure are the security admin's (privacy)
            Rule.of("GET|DELETE", "/api/admin/users/[^/]+/personal-data", EnumSet.of(Caller.SECURITY_ADMIN)),
            Rule.of(".*", "/api/admin/(users|directory)(/.*)?", EnumSet.of(Caller.SECURITY_ADMIN)),
            Rule.of(".*", "/api/audit(/.*)?", EnumSet.of(Caller.AUDITOR)),
            Rule.of(".*", "/api/(admin|reports)(/.*)?", EnumSet.of(Caller.ADMIN)),
            Rule.of(".*", "/api/expert(/.*)?", EnumSet.of(Caller.EXPERT, Caller.ADMIN)),
            Rule.of("POST", "/api/auth/login", EVERYONE),
            Rule.of("GET", "/api/auth/oidc", EVERYONE),
            Rule.of("GET", "/api/auth/password-policy", EVERYONE),
            Rule.of("GET", "/api/rules", EVERYONE),
            Rule.of("POST", "/api/auth/login/mfa", EVERYONE),
            Rule.of(".*", "/api/auth/mfa(/.*)?", SIGNED_IN),
            Rule.of("POST", "/api/auth/oidc/(start|callback)", EVERYONE),
            Rule.of("POST", "/api/search/clicks", EVERYONE),
            Rule.of("POST", "/api/articles/[^/]+/feedback", EVERYONE),
            Rule.of("GET", "/api/(search|articles)(/.*)?", EVERYONE),
            Rule.of("GET", "/api/categories", EVERYONE),
            Rule.of(".*", "/api/auth/(me|password|logout)", SIGNED_IN),
            Rule.of(".*", "/api/(questions|notifications|duty|me)(/.*)?", SIGNED_IN));

    private BackendServer server;
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-matrix-it"),
                Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false"));
        for (Caller c : SIGNED_IN) {
            tokens.put(c, server.login(c.username, c.password));
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyEndpointOfTheReadmeAllowsExactlyTheRolesItsRuleNames() throws Exception {
        List<ReadmeApi.Endpoint> endpoints = ReadmeApi.endpoints();
        assertThat(endpoints).as("endpoints in the README").hasSizeGreaterThan(80);
        List<String> unmapped = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (ReadmeApi.Endpoint e : endpoints) {
            Rule rule = rule(e.method(), e.path());
            if (rule == null) {
                unmapped.add(e.method() + " " + e.path() + "   (row: " + e.row() + ")");
                continue;
            }
            for (Caller caller : Caller.values()) {
                Answer a = call(e.method(), e.concretePath(), caller);
                boolean allowed = rule.allowed().contains(caller);
                boolean refused = caller == Caller.ANONYMOUS
                        ? a.status() == 401
                        : a.status() == 403 && a.body().contains("urn:kb:forbidden");
                boolean passed = allowed ? a.status() != 401 && !refused : refused;
                if (!passed) {
                    wrong.add(e.method() + " " + e.path() + " as " + caller + ": expected "
                            + (allowed ? "allowed" : "refused") + ", got " + a.status() + " " + a.body());
                }
            }
        }
        assertThat(unmapped)
                .as("README endpoints no rule maps (add a rule to this test)")
                .isEmpty();
        assertThat(wrong).as("authorization matrix").isEmpty();
    }

    @Test
    void noAccountHoldsAdminWithAnotherSeparatedDutyAndNobodyChangesTheirOwnRoles() {
        WebTestClient client = server.client();
        String secadmin = tokens.get(Caller.SECURITY_ADMIN);
        // ADMIN with AUDITOR at creation: 409 naming the conflict, nothing created
        client.post()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + secadmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username", "both",
                        "password", "Both-roles-2026",
                        "displayName", "Both",
                        "roles", List.of("ADMIN", "AUDITOR")))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:kb:role-conflict")
                .jsonPath("$.conflicts[0]")
                .isEqualTo("ADMIN+AUDITOR");
        assertThat(userId("both")).isNull();
        // granting ADMIN to the auditor (or security admin) later is the same conflict
        setRoles(userId("auditor"), "AUDITOR", "ADMIN")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.conflicts[0]")
                .isEqualTo("ADMIN+AUDITOR");
        // nobody changes their own roles, not even the security admin
        setRoles(userId("secadmin"), "SECURITY_ADMIN", "EXPERT")
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:kb:own-roles");
        // what the security admin may do works and is audited; the auditor sees it (and its own reading)
        client.post()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + secadmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username", "second-admin",
                        "password", "Another-one-2026",
                        "displayName", "Second",
                        "roles", List.of("ADMIN")))
                .exchange()
                .expectStatus()
                .isCreated();
        String auditor = tokens.get(Caller.AUDITOR);
        String created = body(client.get()
                .uri("/api/audit?action=users&actor=secadmin")
                .header("Authorization", "Bearer " + auditor));
        assertThat(created).contains("\"users.create\"").contains("\"status\":201");
        assertThat(created)
                .contains("\"users.update\"")
                .contains("\"status\":403")
                .contains("\"status\":409");
        assertThat(body(client.get()
                        .uri("/api/audit?action=audit.read&actor=auditor")
                        .header("Authorization", "Bearer " + auditor)))
                .contains("\"audit.read\"");
    }

    private WebTestClient.ResponseSpec setRoles(Long userId, String... roles) {
        return server.client()
                .put()
                .uri("/api/admin/users/{id}", userId)
                .header("Authorization", "Bearer " + tokens.get(Caller.SECURITY_ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of(roles)))
                .exchange();
    }

    private Long userId(String username) {
        String list = body(server.client()
                .get()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + tokens.get(Caller.SECURITY_ADMIN)));
        Matcher m = Pattern.compile("\"id\":(\\d+),\"username\":\"" + Pattern.quote(username) + "\"")
                .matcher(list);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    private static String body(WebTestClient.RequestHeadersSpec<?> spec) {
        byte[] b = spec.exchange().expectBody().returnResult().getResponseBody();
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    private static Rule rule(String method, String path) {
        return RULES.stream()
                .filter(r -> r.method().matcher(method).matches()
                        && r.path().matcher(path).matches())
                .findFirst()
                .orElse(null);
    }

    record Answer(int status, String body) {}

    private Answer call(String method, String path, Caller caller) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (caller != Caller.ANONYMOUS) {
            request.header("Authorization", "Bearer " + tokens.get(caller));
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        // streams (events, downloads) are not read: the status and a refusal's short body are enough
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            String body = status == 401 || status == 403 ? new String(in.readNBytes(4096), StandardCharsets.UTF_8) : "";
            if (path.equals("/api/auth/logout") && caller != Caller.ANONYMOUS && status < 300) {
                tokens.put(caller, server.login(caller.username, caller.password));
            }
            return new Answer(status, body);
        }
    }
}
