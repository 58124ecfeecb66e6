package org.kbportal.backend.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.backend.account.Role;
import org.kbportal.backend.system.KbException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reports/service?from=&to=[&category=][&format=json|csv|xlsx|pdf]} and its charts;
 * ADMIN only (SecurityConfig, and checked here again).
 */
@RestController
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/reports/service")
    Mono<ResponseEntity<?>> service(
            Authentication auth,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String format) {
        admin(auth);
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return reports.report(f, t, category).map(r -> ResponseEntity.ok().body(r));
        }
        return reports.export(f, t, category, format)
                .map(e -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_TYPE, e.contentType())
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(e.filename())
                                        .build()
                                        .toString())
                        .body(e.data()));
    }

    @GetMapping("/api/reports/service/charts")
    Map<String, List<String>> charts(Authentication auth) {
        admin(auth);
        return Map.of("charts", ReportCharts.NAMES);
    }

    @GetMapping("/api/reports/service/charts/{name}.png")
    Mono<ResponseEntity<byte[]>> chart(
            Authentication auth,
            @PathVariable String name,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String lang) {
        admin(auth);
        return reports.chart(name, date("from", from), date("to", to), category, lang)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png));
    }

    private static void admin(Authentication auth) {
        if (auth == null
                || !(auth.getPrincipal() instanceof KbPrincipal p)
                || !p.roles().contains(Role.ADMIN)) {
            throw new KbException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Service reports are for admins.");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new KbException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-period",
                    "Invalid period",
                    "'" + name + "' must be a date YYYY-MM-DD.",
                    Map.of("fields", List.of(name)));
        }
    }
}
