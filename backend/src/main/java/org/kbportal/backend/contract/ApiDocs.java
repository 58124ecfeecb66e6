package org.kbportal.backend.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kbportal.backend.account.AccessRules;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Completes the OpenAPI document springdoc generates from the controllers: every operation gets its summary
 * ({@link ApiSummaries}), the roles that may call it ({@code x-roles}, read from {@link AccessRules}, the table the
 * security chain is built from) and the problem types it can answer with ({@link ProblemTypes}, {@code
 * application/problem+json} responses that list them under {@code x-problem-types}).
 */
@Component
class ApiDocs implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String BEARER = "bearer";

    private final ApiSummaries summaries;

    ApiDocs() {
        this(ApiSummaries.load());
    }

    ApiDocs(ApiSummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info()
                .title("KB portal API")
                .version("1")
                .description("The stable contract of the knowledge-base portal's backend. Errors are RFC 9457"
                        + " problem details (application/problem+json) with a type urn:kb:<kind>; x-roles names who"
                        + " may call an operation, x-problem-types the problems it can answer with."));
        api.getComponents()
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("the token from POST /api/auth/login"))
                .addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        // sorted: the document reads the same on every start
        Map<String, PathItem> sorted = new TreeMap<>(api.getPaths());
        sorted.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            HttpMethod httpMethod = HttpMethod.valueOf(method.name());
            describe(httpMethod, path, operation);
        }));
    }

    private void describe(HttpMethod method, String path, Operation operation) {
        summaries.summary(method, path).ifPresent(operation::setSummary);
        AccessRules.Rule rule = AccessRules.ruleFor(method, path);
        operation.addExtension("x-roles", rule.describe());
        if (rule.access() != AccessRules.Access.PUBLIC) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ProblemTypes.of(method, path, operation, rule).forEach((status, types) -> {
            ApiResponse response = new ApiResponse()
                    .description(String.join(", ", types))
                    .content(new Content()
                            .addMediaType(
                                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    new MediaType()
                                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
            response.addExtension("x-problem-types", types);
            responses.addApiResponse(String.valueOf(status), response);
        });
        operation.setResponses(responses);
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", typed("string").description("urn:kb:<kind>"));
        properties.put("title", typed("string"));
        properties.put("status", typed("integer"));
        properties.put("detail", typed("string"));
        properties.put("instance", typed("string"));
        Schema<?> schema = typed("object").description("RFC 9457 problem details");
        schema.setProperties(properties);
        schema.setRequired(new ArrayList<>(List.of("type", "title", "status")));
        return schema;
    }

    /** OpenAPI 3.1 writes {@code types}, 3.0 {@code type}: both set. */
    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>().type(type);
        schema.setTypes(new java.util.LinkedHashSet<>(List.of(type)));
        return schema;
    }
}
