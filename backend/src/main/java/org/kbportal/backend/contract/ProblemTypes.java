package org.kbportal.backend.contract;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.kbportal.backend.account.AccessRules;
import org.springframework.http.HttpMethod;

/**
 * Which problem types ({@code urn:kb:<kind>}) an operation can answer with, by status. Those raised before the
 * handler follow from the operation's shape: a bad or missing token, the role refusal and the security gates from
 * its access rule, invalid input from its parameters and body; the ones of a feature (not found, illegal status
 * change, too large, too many) from the path, declared in the tables below. Every operation can fail with {@code
 * 500 urn:kb:internal-error}.
 */
final class ProblemTypes {

    /** The resource a path variable names → its "not found" type, by the path segment before the variable. */
    private static final Map<String, String> NOT_FOUND = Map.ofEntries(
            Map.entry("questions", "question-not-found"),
            Map.entry("articles", "article-not-found"),
            Map.entry("versions", "version-not-found"),
            Map.entry("users", "user-not-found"),
            Map.entry("organisations", "organisation-not-found"),
            Map.entry("channels", "channel-not-found"),
            Map.entry("deliveries", "delivery-not-found"),
            Map.entry("backups", "backup-not-found"),
            Map.entry("synonyms", "synonym-not-found"),
            Map.entry("categories", "category-not-found"),
            Map.entry("sla-policies", "sla-policy-not-found"),
            Map.entry("experts", "expert-not-found"),
            Map.entry("attachments", "attachment-not-found"));

    /** A feature's own problems: method, path (regular expression over the template), status, types. */
    private record Declared(String method, Pattern path, int status, List<String> types) {
        static Declared of(String method, String path, int status, String... types) {
            return new Declared(method, Pattern.compile(path), status, List.of(types));
        }
    }

    private static final List<Declared> DECLARED = List.of(
            Declared.of("POST", "/api/auth/login(/mfa)?", 429, "login-throttled", "login-locked"),
            Declared.of("POST", "/api/auth/login(/mfa)?", 401, "bad-credentials", "mfa-code-invalid"),
            Declared.of("GET", "/api/search", 400, "invalid-page", "page-too-deep"),
            Declared.of("POST", "/api/articles/\\{[^}]+}/feedback", 429, "too-many-requests", "too-many-votes"),
            Declared.of(
                    "POST",
                    "/api/questions/\\{[^}]+}/(start|resolve|reopen|claim|handover|escalate|messages)",
                    409,
                    "illegal-transition"),
            Declared.of(
                    "POST",
                    "/api/(admin|expert)/articles/\\{[^}]+}/(publish|archive|submit|approve|reject)",
                    409,
                    "illegal-transition"),
            Declared.of("POST", "/api/questions/\\{[^}]+}/attachments", 413, "file-too-large"),
            Declared.of("POST", "/api/questions/\\{[^}]+}/attachments", 415, "file-type-not-allowed"),
            Declared.of("POST", "/api/admin/manuals(/.*)?", 413, "file-too-large"),
            Declared.of("POST", "/api/admin/import", 413, "import-too-large"),
            Declared.of("POST", "/api/admin/import/archive", 413, "archive-too-large"),
            Declared.of("POST", "/api/admin/users", 409, "role-conflict"),
            Declared.of("PUT", "/api/admin/users/\\{[^}]+}", 409, "role-conflict"));

    private ProblemTypes() {}

    /** The problem types by status, each as {@code urn:kb:<kind>}. */
    static Map<Integer, List<String>> of(HttpMethod method, String path, Operation operation, AccessRules.Rule rule) {
        Map<Integer, List<String>> out = new TreeMap<>();
        boolean body = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (body) {
            add(out, 400, "validation", "malformed-body");
        }
        if (body || !parameters.isEmpty()) {
            add(out, 400, "bad-request");
        }
        // a bearer token that is unknown or expired is refused on every path, public ones too
        add(out, 401, "invalid-token");
        if (rule.access() != AccessRules.Access.PUBLIC) {
            add(out, 401, "unauthenticated");
            add(out, 403, "password-change-required", "mfa-enrolment-required");
        }
        if (rule.access() == AccessRules.Access.ROLES) {
            add(out, 403, "forbidden");
        }
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{") && NOT_FOUND.containsKey(segments[i - 1])) {
                add(out, 404, NOT_FOUND.get(segments[i - 1]));
            }
        }
        for (Declared d : DECLARED) {
            if (d.method().equals(method.name()) && d.path().matcher(path).matches()) {
                add(out, d.status(), d.types().toArray(String[]::new));
            }
        }
        add(out, 500, "internal-error");
        return out;
    }

    private static void add(Map<Integer, List<String>> out, int status, String... kinds) {
        List<String> types = out.computeIfAbsent(status, s -> new ArrayList<>());
        for (String kind : kinds) {
            String type = "urn:kb:" + kind;
            if (!types.contains(type)) {
                types.add(type);
            }
        }
    }
}
