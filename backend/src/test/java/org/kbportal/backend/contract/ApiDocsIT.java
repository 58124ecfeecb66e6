package org.kbportal.backend.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.ReadmeApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document the backend serves is the README's API table, operation for operation, and describes each
 * operation completely: a summary, who may call it ({@code x-roles}) and its problem types. Served without a token,
 * with the browsable UI next to it, and without the secrets of the installation. H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsIT {

    private static final String METRICS_TOKEN = "metrics-token-that-must-not-leak-2026";

    private BackendServer server;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private String raw;
    private JsonNode doc;

    @BeforeAll
    void start() throws Exception {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-apidocs-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.metrics.token", METRICS_TOKEN));
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        raw = response.body();
        // the document as served, for reading after a run
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "api-docs.json"), raw);
        doc = new ObjectMapper().readTree(raw);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theDocumentIsOpenApi31AndHoldsNoSecret() {
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        assertThat(doc.path("info").path("title").asString()).isEqualTo("KB portal API");
        assertThat(raw).doesNotContain(METRICS_TOKEN).doesNotContain("/actuator");
        assertThat(doc.path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .path("type")
                        .toString())
                .contains("string");
    }

    @Test
    void everyReadmeEndpointIsInTheDocumentAndEveryOperationOfTheDocumentInTheReadme() {
        Set<String> readme = new TreeSet<>();
        for (ReadmeApi.Endpoint e : ReadmeApi.endpoints()) {
            if (e.path().startsWith("/api/")) {
                readme.add(e.method() + " " + e.normalisedPath());
            }
        }
        Set<String> documented = new TreeSet<>();
        operations().forEach(op -> documented.add(op.method() + " " + ReadmeApi.normalise(op.path())));
        assertThat(readme).as("README endpoints").hasSizeGreaterThan(100);
        Set<String> missingFromDocument = new TreeSet<>(readme);
        missingFromDocument.removeAll(documented);
        Set<String> missingFromReadme = new TreeSet<>(documented);
        missingFromReadme.removeAll(readme);
        assertThat(missingFromDocument)
                .as("README endpoints missing from /v3/api-docs")
                .isEmpty();
        assertThat(missingFromReadme)
                .as("operations of /v3/api-docs missing from the README's API table")
                .isEmpty();
    }

    @Test
    void everyOperationHasASummaryItsRolesAndItsProblemTypes() {
        List<String> incomplete = new ArrayList<>();
        for (Operation op : operations()) {
            JsonNode node = op.node();
            String name = op.method() + " " + op.path();
            if (node.path("summary").asString("").isBlank()) {
                incomplete.add(name + ": no summary");
            }
            List<String> roles = strings(node.path("x-roles"));
            if (roles.isEmpty()) {
                incomplete.add(name + ": no x-roles");
            }
            List<String> problems = new ArrayList<>();
            node.path("responses").properties().forEach(r -> {
                if (r.getValue().path("content").has("application/problem+json")) {
                    strings(r.getValue().path("x-problem-types")).forEach(t -> problems.add(r.getKey() + " " + t));
                }
            });
            if (problems.isEmpty() || !problems.stream().allMatch(p -> p.matches("\\d{3} urn:kb:[a-z0-9-]+"))) {
                incomplete.add(name + ": problem types " + problems);
            }
            boolean open = roles.equals(List.of("anyone"));
            if (!open && !problems.contains("401 urn:kb:unauthenticated")) {
                incomplete.add(name + ": signed-in operation without 401 urn:kb:unauthenticated");
            }
            boolean byRole = !open && !roles.equals(List.of("signed in"));
            if (byRole && !problems.contains("403 urn:kb:forbidden")) {
                incomplete.add(name + ": operation for " + roles + " without 403 urn:kb:forbidden");
            }
            if (node.has("requestBody") && !problems.contains("400 urn:kb:validation")) {
                incomplete.add(name + ": request body without 400 urn:kb:validation");
            }
        }
        assertThat(incomplete).as("incomplete operations").isEmpty();
        Set<String> operations = new TreeSet<>();
        operations().forEach(op -> operations.add(op.method() + " " + op.path()));
        assertThat(operations)
                .as("every line of " + ApiSummaries.RESOURCE + " names an operation")
                .containsAll(ApiSummaries.load().byOperation().keySet());
    }

    @Test
    void everyOperationHasAStableUniqueCamelCaseId() {
        Map<String, List<String>> byId = new java.util.TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        for (Operation op : operations()) {
            String id = op.node().path("operationId").asString("");
            if (id.isBlank()) {
                unnamed.add(op.method() + " " + op.path());
            } else {
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(op.method() + " " + op.path());
            }
        }
        assertThat(unnamed).as("operations without an operationId").isEmpty();
        assertThat(byId.entrySet().stream().filter(e -> e.getValue().size() > 1).toList())
                .as("operationIds used more than once")
                .isEmpty();
        assertThat(byId.keySet())
                .as("no generated counter suffix, camelCase")
                .allSatisfy(id -> assertThat(id).doesNotContainPattern("_\\d+$").matches("[a-z][A-Za-z0-9]*"));
        assertThat(byId)
                .containsEntry("articleList", List.of("GET /api/articles"))
                .containsEntry("articleCreate", List.of("POST /api/admin/articles"))
                .containsEntry("search", List.of("GET /api/search"));
    }

    @Test
    void rolesInTheDocumentAreTheOnesTheSecurityChainEnforces() {
        Map<String, List<String>> expected = Map.of(
                "GET /api/admin/users", List.of("SECURITY_ADMIN"),
                "GET /api/audit", List.of("AUDITOR"),
                "GET /api/admin/backups", List.of("ADMIN"),
                "GET /api/expert/queue", List.of("EXPERT", "ADMIN"),
                "GET /api/search", List.of("anyone"),
                "POST /api/questions", List.of("signed in"));
        Map<String, List<String>> actual = new java.util.TreeMap<>();
        operations()
                .forEach(op -> actual.put(
                        op.method() + " " + op.path(), strings(op.node().path("x-roles"))));
        expected.forEach((operation, roles) ->
                assertThat(actual.get(operation)).as(operation).isEqualTo(roles));
    }

    @Test
    void theBrowsableUiIsServedWithoutAToken() throws Exception {
        HttpResponse<String> ui = get("/swagger-ui.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.uri().getPath()).endsWith("/swagger-ui/index.html");
        assertThat(ui.body()).contains("swagger-ui");
        HttpResponse<String> config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs");
    }

    private record Operation(String method, String path, JsonNode node) {}

    private List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        doc.path("paths")
                .properties()
                .forEach(p -> p.getValue().properties().forEach(m -> {
                    String method = m.getKey().toUpperCase(java.util.Locale.ROOT);
                    if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        out.add(new Operation(method, p.getKey(), m.getValue()));
                    }
                }));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
