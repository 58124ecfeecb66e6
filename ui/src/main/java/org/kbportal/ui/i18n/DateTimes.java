package org.kbportal.ui.i18n;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Formats instants for people: {@code 2026-11-23 17:16} in the portal's time zone (the zone of the
 * injected clock, Asia/Shanghai by default), the same in both languages.
 */
@Component
public class DateTimes {

    private final DateTimeFormatter format;

    public DateTimes(Clock clock) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    /** The zone dates are shown and entered in. */
    public java.time.ZoneId zone() {
        return format.getZone();
    }

    public String format(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
