package org.kbportal.ui.client;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The duty roster for administrators ({@code /api/admin/experts}, {@code /api/admin/shifts},
 * {@code /api/admin/duty-overrides}, {@code /api/admin/duty/coverage}; ADMIN): experts with tier,
 * skills and load, weekly shifts, date overrides and the hours nobody covers.
 */
@Component
public class DutyClient {

    private final RestClient http;

    public DutyClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /**
     * An expert: a user with the EXPERT role registered for questions.
     *
     * @param tier L1, L2 or L3
     * @param skills category codes
     * @param organisation the vendor of an L3 contact
     */
    public record Expert(
            long userId,
            String username,
            String displayName,
            String email,
            String tier,
            List<String> skills,
            int maxLoad,
            String organisation,
            boolean active) {

        public Expert {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    /** A weekly shift; an end at or before the start runs past midnight. */
    public record Shift(long id, long expertId, DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {}

    /** A date off ({@code onDuty} false) or on duty for other hours than the week's. */
    public record Override(long id, long expertId, LocalDate date, boolean onDuty, LocalTime start, LocalTime end) {}

    /** A stretch of local time {@code [start, end)} in the roster's zone. */
    public record Interval(LocalDateTime start, LocalDateTime end) {}

    /** The hours of a category no L1 expert with the skill is on duty. */
    public record Gaps(String category, List<Interval> uncovered, long uncoveredMinutes) {}

    /** The roster's gaps in a date range; {@code noL1}: no L1 on duty at all. */
    public record Coverage(LocalDate from, LocalDate to, String zone, List<Gaps> categories, List<Interval> noL1) {}

    public List<Expert> experts() {
        return list("/api/admin/experts", Expert[].class);
    }

    /**
     * Registers or changes an expert.
     *
     * @throws BackendException 400 {@code not-an-expert} without the EXPERT role, validation errors
     */
    public Expert saveExpert(Expert e) {
        Map<String, Object> json = new HashMap<>();
        json.put("tier", e.tier());
        json.put("skills", e.skills());
        json.put("maxLoad", e.maxLoad());
        json.put("organisation", e.organisation());
        json.put("active", e.active());
        return BackendCalls.call(() -> http.put()
                .uri("/api/admin/experts/{id}", e.userId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .body(Expert.class));
    }

    public List<Shift> shifts() {
        return list("/api/admin/shifts", Shift[].class);
    }

    public Shift addShift(long expertId, DayOfWeek day, LocalTime start, LocalTime end) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/shifts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("expertId", expertId, "dayOfWeek", day.getValue(), "start", start, "end", end))
                .retrieve()
                .body(Shift.class));
    }

    public void deleteShift(long id) {
        BackendCalls.run(
                () -> http.delete().uri("/api/admin/shifts/{id}", id).retrieve().toBodilessEntity());
    }

    /** Overrides from {@code from} to {@code to}, both included. */
    public List<Override> overrides(LocalDate from, LocalDate to) {
        return list("/api/admin/duty-overrides?from=" + from + "&to=" + to, Override[].class);
    }

    public Override addOverride(long expertId, LocalDate date, boolean onDuty, LocalTime start, LocalTime end) {
        Map<String, Object> json = new HashMap<>();
        json.put("expertId", expertId);
        json.put("date", date);
        json.put("onDuty", onDuty);
        json.put("start", start);
        json.put("end", end);
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/duty-overrides")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .body(Override.class));
    }

    public void deleteOverride(long id) {
        BackendCalls.run(() -> http.delete()
                .uri("/api/admin/duty-overrides/{id}", id)
                .retrieve()
                .toBodilessEntity());
    }

    /** The gaps from the start of {@code from} to the start of {@code to}. */
    public Coverage coverage(LocalDate from, LocalDate to) {
        return BackendCalls.call(() -> http.get()
                .uri("/api/admin/duty/coverage?from={f}&to={t}", from, to)
                .retrieve()
                .body(Coverage.class));
    }

    private <T> List<T> list(String uri, Class<T[]> type) {
        T[] all = BackendCalls.call(() -> http.get().uri(uri).retrieve().body(type));
        return all == null ? List.of() : Arrays.asList(all);
    }
}
