package org.kbportal.ui.client;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Service commitments for administrators ({@code /api/admin/sla-policies},
 * {@code /api/admin/calendar/*}; ADMIN): reply and resolution times per kind and severity, working
 * hours, holidays and make-up working days.
 */
@Component
public class SlaClient {

    private final RestClient http;

    public SlaClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /** Minutes to the first reply and to resolution; {@code workingTime}: count working time only. */
    public record Policy(String kind, String severity, int replyMinutes, int resolveMinutes, boolean workingTime) {}

    /** Working hours of a weekday (1 = Monday); a weekday without a row is not a working day. */
    public record Hours(int dayOfWeek, LocalTime start, LocalTime end) {}

    /** A holiday ({@code working} false) or a make-up working day. */
    public record Day(LocalDate date, boolean working, String name) {}

    public List<Policy> policies() {
        return list("/api/admin/sla-policies", Policy[].class);
    }

    /**
     * Saves several policies in one call, all or none; answers the whole table.
     *
     * @throws BackendException 400 with field errors or {@code urn:kb:duplicate-sla-policy}, 404
     *     {@code urn:kb:sla-policy-not-found}; nothing is saved then
     */
    public List<Policy> savePolicies(List<Policy> changed) {
        Policy[] saved = BackendCalls.call(() -> http.put()
                .uri("/api/admin/sla-policies")
                .contentType(MediaType.APPLICATION_JSON)
                .body(changed)
                .retrieve()
                .body(Policy[].class));
        return saved == null ? List.of() : Arrays.asList(saved);
    }

    public List<Hours> hours() {
        return list("/api/admin/calendar/hours", Hours[].class);
    }

    /** Replaces the whole week. */
    public List<Hours> saveHours(List<Hours> week) {
        Hours[] saved = BackendCalls.call(() -> http.put()
                .uri("/api/admin/calendar/hours")
                .contentType(MediaType.APPLICATION_JSON)
                .body(week)
                .retrieve()
                .body(Hours[].class));
        return saved == null ? List.of() : Arrays.asList(saved);
    }

    public List<Day> days() {
        return list("/api/admin/calendar/days", Day[].class);
    }

    public Day saveDay(Day d) {
        Map<String, Object> json = new HashMap<>();
        json.put("working", d.working());
        json.put("name", d.name());
        return BackendCalls.call(() -> http.put()
                .uri("/api/admin/calendar/days/{d}", d.date())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .body(Day.class));
    }

    public void deleteDay(LocalDate date) {
        BackendCalls.run(() -> http.delete()
                .uri("/api/admin/calendar/days/{d}", date)
                .retrieve()
                .toBodilessEntity());
    }

    private <T> List<T> list(String uri, Class<T[]> type) {
        T[] all = BackendCalls.call(() -> http.get().uri(uri).retrieve().body(type));
        return all == null ? List.of() : Arrays.asList(all);
    }
}
