package org.kbportal.ui.client;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * Service commitments for administrators ({@code /api/admin/sla-policies},
 * {@code /api/admin/calendar/*}; ADMIN): reply and resolution times per kind and severity, working
 * hours, holidays and make-up working days.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface SlaClient {

    /** Minutes to the first reply and to resolution; {@code workingTime}: count working time only. */
    record Policy(String kind, String severity, int replyMinutes, int resolveMinutes, boolean workingTime) {}

    /** Working hours of a weekday (1 = Monday); a weekday without a row is not a working day. */
    record Hours(int dayOfWeek, LocalTime start, LocalTime end) {}

    /** A holiday ({@code working} false) or a make-up working day. */
    record Day(LocalDate date, boolean working, String name) {}

    /** What {@code PUT /api/admin/calendar/days/{date}} takes: the date is the path. */
    record DayInput(boolean working, String name) {}

    @GetExchange("/api/admin/sla-policies")
    List<Policy> policies();

    /**
     * Saves several policies in one call, all or none; answers the whole table.
     *
     * @throws BackendException 400 with field errors or {@code urn:kb:duplicate-sla-policy}, 404
     *     {@code urn:kb:sla-policy-not-found}; nothing is saved then
     */
    @PutExchange("/api/admin/sla-policies")
    List<Policy> savePolicies(@RequestBody List<Policy> changed);

    @GetExchange("/api/admin/calendar/hours")
    List<Hours> hours();

    /** Replaces the whole week. */
    @PutExchange("/api/admin/calendar/hours")
    List<Hours> saveHours(@RequestBody List<Hours> week);

    @GetExchange("/api/admin/calendar/days")
    List<Day> days();

    @PutExchange("/api/admin/calendar/days/{date}")
    Day saveDay(@PathVariable String date, @RequestBody DayInput day);

    default Day saveDay(Day d) {
        return saveDay(d.date().toString(), new DayInput(d.working(), d.name()));
    }

    @DeleteExchange("/api/admin/calendar/days/{date}")
    void deleteDay(@PathVariable String date);

    default void deleteDay(LocalDate date) {
        deleteDay(date.toString());
    }
}
