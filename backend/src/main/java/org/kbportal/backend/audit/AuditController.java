package org.kbportal.backend.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.audit.AuditPage;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading the audit log (ADMIN, by path). There is no endpoint that changes or deletes events.
 * {@code from}/{@code to} are dates ({@code YYYY-MM-DD}, in {@code kb.questions.zone}, {@code to}
 * inclusive) or instants ({@code 2026-11-23T10:00:00Z}, {@code to} exclusive).
 */
@RestController
class AuditController {

    private static final int MAX_SIZE = 200;

    private final AuditLog audit;
    private final ZoneId zone;

    AuditController(AuditLog audit, KbProperties props) {
        this.audit = audit;
        this.zone = props.questions().zone();
    }

    @GetMapping("/api/audit")
    Mono<AuditPage> list(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            return Mono.error(KbException.badRequest(
                    "invalid-page", "page must be ≥ 0 and size between 1 and " + MAX_SIZE + "."));
        }
        return Mono.fromCallable(() -> query(from, to, actor, action)).flatMap(q -> audit.find(q, page, size));
    }

    /** The same filter as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese). */
    @GetMapping("/api/audit/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action) {
        return Mono.fromCallable(() -> query(from, to, actor, action)).map(q -> {
            DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
            Flux<DataBuffer> body = Flux.concat(
                    Flux.just(buffers.wrap(("\uFEFF" + AuditCsv.HEADER).getBytes(StandardCharsets.UTF_8))),
                    audit.all(q).map(e -> buffers.wrap(AuditCsv.line(e).getBytes(StandardCharsets.UTF_8))));
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("audit-log.csv")
                                    .build()
                                    .toString())
                    .body(body);
        });
    }

    private AuditLog.Query query(String from, String to, String actor, String action) {
        return new AuditLog.Query(
                instant(from, false, "from"), instant(to, true, "to"), blankToNull(actor), blankToNull(action));
    }

    private Instant instant(String value, boolean end, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate d = LocalDate.parse(value);
                return (end ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw KbException.badRequest(
                    "invalid-date", name + " must be a date (YYYY-MM-DD) or an instant (2026-11-23T10:00:00Z).");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
