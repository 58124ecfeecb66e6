package org.kbportal.backend.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place admin actions and downloads are audited: every change under {@code /api/admin/} (POST,
 * PUT, PATCH, DELETE), every download of the whole data ({@code GET} of exports and backup archives) and
 * of a single file (article attachments, manual originals, question attachments, service-report exports)
 * becomes an event. The event is written before the action runs (the route is resolved first, so the
 * event is named after it); when that write fails the request is answered {@code 503
 * urn:kb:audit-unavailable} and nothing is changed or sent. Its outcome (status, JSON body without
 * secrets) is filled in before the response is committed, so the event is complete when the caller sees
 * the answer. The action is named after the matched route ({@code POST /api/admin/articles/{id}/publish}
 * → {@code articles.publish}, {@code PUT /api/admin/sla-policies/{kind}/{severity}} → {@code
 * sla-policies.update}, {@code GET /api/articles/{id}/attachments/{fileId}} → {@code
 * articles.attachments.download}), the target is the route's variables. Runs after the security filters,
 * so requests they refuse are recorded there ({@link AccessRefusals}).
 */
@Component
@Order(0)
class AuditWebFilter implements WebFilter {

    private static final String PREFIX = "/api/admin/";
    private static final Set<HttpMethod> CHANGES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** Reads that hand out the whole data set or a stored file. */
    private static final List<Pattern> AUDITED_READS = List.of(
            Pattern.compile("/api/admin/export"),
            Pattern.compile("/api/admin/backups/[^/]+/file"),
            // one person's data (privacy): the export hands out all of it
            Pattern.compile("/api/admin/users/[^/]+/personal-data"),
            // every read of the audit log is itself audited (who looked at what, 等保 8.1.4.3)
            Pattern.compile("/api/audit"),
            Pattern.compile("/api/audit/export"),
            Pattern.compile("/api/articles/[^/]+/attachments/[^/]+"),
            Pattern.compile("/api/articles/[^/]+/file"),
            Pattern.compile("/api/questions/[^/]+/attachments/[^/]+"));
    /** The audit log's query: a read, named {@code audit.read} (its export stays {@code audit.export.download}). */
    private static final String AUDIT_READ = "/api/audit";
    /** One person's data: exported (GET) or erased (DELETE), two actions under one route. */
    private static final String PERSONAL_DATA = "/api/admin/users/{id}/personal-data";
    /** The service report: audited when it is exported as a file (CSV, XLSX, PDF), not when shown. */
    private static final String REPORT = "/api/reports/service";

    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token).*");
    private static final int MAX_BODY = 4096;

    private final AuditLog audit;
    private final KbProperties props;
    private final ObjectMapper json;
    private final RequestMappingHandlerMapping routes;

    AuditWebFilter(
            AuditLog audit,
            KbProperties props,
            ObjectMapper json,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes) {
        this.audit = audit;
        this.props = props;
        this.json = json;
        this.routes = routes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!audited(request.getMethod(), path) && !reportExport(request.getMethod(), path, request)) {
            return chain.filter(exchange);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean jsonBody = MediaType.APPLICATION_JSON.isCompatibleWith(
                request.getHeaders().getContentType() == null
                        ? MediaType.APPLICATION_OCTET_STREAM
                        : request.getHeaders().getContentType());
        ServerHttpRequest teed = !jsonBody
                ? request
                : new ServerHttpRequestDecorator(request) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return super.getBody().doOnNext(b -> copy(b, body));
                    }
                };
        ServerWebExchange ex = exchange.mutate().request(teed).build();
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("")
                // resolves the route (sets the pattern and variables the event is named after)
                // (a request no route takes, 405/415 and the like, is named after its path; the dispatcher
                // answers it as usual)
                .flatMap(actor -> routes.getHandler(ex)
                        .onErrorResume(e -> Mono.empty())
                        .then(Mono.defer(() -> begin(ex, actor, path))))
                .onErrorResume(KbException.class, e -> problem(ex, e).then(Mono.empty()))
                .flatMap(id -> {
                    ex.getResponse().beforeCommit(() -> complete(ex, id, body, jsonBody));
                    return chain.filter(ex);
                });
    }

    static boolean audited(HttpMethod method, String path) {
        if (CHANGES.contains(method)) {
            return path.startsWith(PREFIX);
        }
        return HttpMethod.GET.equals(method)
                && AUDITED_READS.stream().anyMatch(p -> p.matcher(path).matches());
    }

    static boolean reportExport(HttpMethod method, String path, ServerHttpRequest request) {
        String format = request.getQueryParams().getFirst("format");
        return HttpMethod.GET.equals(method)
                && REPORT.equals(path)
                && format != null
                && !format.isBlank()
                && !format.strip().equalsIgnoreCase("json");
    }

    private Mono<Long> begin(ServerWebExchange ex, String actor, String path) {
        Object pattern = ex.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Map<String, String> vars = ex.getAttributeOrDefault(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of());
        String route = pattern instanceof PathPattern p ? p.getPatternString() : path;
        String query = ex.getRequest().getURI().getRawQuery();
        return audit.begin(
                actor.isEmpty() ? null : actor,
                action(ex.getRequest().getMethod(), route),
                target(route, vars),
                query == null ? null : "?" + query,
                ClientAddress.of(ex.getRequest(), props.audit().trustedProxies()));
    }

    private Mono<Void> complete(ServerWebExchange ex, long id, ByteArrayOutputStream body, boolean jsonBody) {
        HttpStatusCode status = ex.getResponse().getStatusCode();
        return audit.complete(
                id, status == null ? 200 : status.value(), jsonBody ? redacted(body.toByteArray()) : null);
    }

    /** The 503 of an action whose event could not be written, as the problem handler would write it. */
    private Mono<Void> problem(ServerWebExchange ex, KbException e) {
        var response = ex.getResponse();
        response.setStatusCode(e.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", e.type().toString());
        problem.put("title", e.title());
        problem.put("status", e.status().value());
        problem.put("detail", e.getMessage());
        problem.put("instance", ex.getRequest().getPath().value());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }

    /** The route's variables in the order of the path: {@code FAULT/A}. */
    static String target(String route, Map<String, String> vars) {
        List<String> values = new ArrayList<>();
        for (String s : route.split("/")) {
            if (s.startsWith("{") && s.endsWith("}")) {
                String name = s.substring(1, s.length() - 1).replace("*", "");
                int colon = name.indexOf(':');
                String value = vars.get(colon < 0 ? name : name.substring(0, colon));
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values.isEmpty() ? null : String.join("/", values);
    }

    /** {@code articles.publish}, {@code users.update}, {@code calendar.days.delete}, {@code backups.create}. */
    static String action(HttpMethod method, String route) {
        if (HttpMethod.GET.equals(method) && AUDIT_READ.equals(route)) {
            return "audit.read";
        }
        if (PERSONAL_DATA.equals(route)) {
            return HttpMethod.GET.equals(method) ? "users.personal-data.export" : "users.personal-data.erase";
        }
        String rest = route.startsWith(PREFIX)
                ? route.substring(PREFIX.length())
                : route.startsWith("/api/") ? route.substring("/api/".length()) : route;
        String[] segments = rest.split("/");
        List<String> literals = new ArrayList<>();
        boolean afterVariable = false;
        boolean lastIsVerb = false;
        for (String s : segments) {
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("{")) {
                afterVariable = true;
                lastIsVerb = false;
            } else {
                literals.add(s);
                lastIsVerb = afterVariable;
            }
        }
        String base = String.join(".", literals);
        if (lastIsVerb || (HttpMethod.POST.equals(method) && literals.size() > 1)) {
            return base;
        }
        String verb = HttpMethod.POST.equals(method)
                ? "create"
                : HttpMethod.DELETE.equals(method) ? "delete" : HttpMethod.GET.equals(method) ? "download" : "update";
        return base + "." + verb;
    }

    private String redacted(byte[] raw) {
        if (raw.length == 0) {
            return null;
        }
        if (raw.length >= MAX_BODY) {
            return "(request body larger than " + MAX_BODY + " bytes, not recorded)";
        }
        try {
            JsonNode node = json.readTree(raw);
            redact(node);
            return json.writeValueAsString(node);
        } catch (tools.jackson.core.JacksonException e) {
            return "(request body is not JSON)";
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            for (String n : names) {
                if (SECRET.matcher(n).matches()) {
                    o.put(n, "***");
                } else if ("url".equalsIgnoreCase(n) && o.get(n).isString()) {
                    // robot webhook URLs carry their key in the query (WeCom key=, DingTalk access_token=)
                    o.put(n, maskQuery(o.get(n).asString()));
                } else {
                    redact(o.get(n));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditWebFilter::redact);
        }
    }

    private static String maskQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q + 1) + url.substring(q + 1).replaceAll("=[^&#]*", "=***");
    }

    private static void copy(DataBuffer buffer, ByteArrayOutputStream into) {
        int room = MAX_BODY - into.size();
        if (room <= 0) {
            return;
        }
        int n = Math.min(room, buffer.readableByteCount());
        byte[] bytes = new byte[n];
        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, n);
        into.write(bytes, 0, n);
    }
}
