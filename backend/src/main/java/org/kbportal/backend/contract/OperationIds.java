package org.kbportal.backend.contract;

import io.swagger.v3.oas.models.Operation;
import java.util.Locale;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Names every operation of the OpenAPI document after its controller and handler method, camelCase ({@code
 * ArticleController.create} → {@code articleCreate}, {@code SearchController.search} → {@code search}), instead
 * of springdoc's method name with a counter ({@code create_5}) that changes when a controller is added. A client
 * generated from the document keeps its method names; {@code ApiDocsIT} checks that the ids are unique.
 */
@Component
class OperationIds implements OperationCustomizer {

    private static final String SUFFIX = "Controller";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return operation.operationId(of(
                ClassUtils.getUserClass(handler.getBeanType()).getSimpleName(),
                handler.getMethod().getName()));
    }

    /** The id of {@code method} of the controller class {@code controller}. */
    static String of(String controller, String method) {
        String base = controller.endsWith(SUFFIX)
                ? controller.substring(0, controller.length() - SUFFIX.length())
                : controller;
        if (base.isEmpty() || base.equalsIgnoreCase(method)) {
            return method;
        }
        return base.substring(0, 1).toLowerCase(Locale.ROOT)
                + base.substring(1)
                + method.substring(0, 1).toUpperCase(Locale.ROOT)
                + method.substring(1);
    }
}
