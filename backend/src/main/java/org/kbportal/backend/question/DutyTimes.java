package org.kbportal.backend.question;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kbportal.contract.duty.Tier;

/** The template variables that say, in each language, when a waiting question will be picked up. */
final class DutyTimes {

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日（EEE）HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private DutyTimes() {}

    /** {@code pickupzh}, {@code pickupen} (in the roster's zone, zone named) and {@code tier}. */
    static Map<String, String> pickup(Optional<Instant> start, ZoneId zone, Tier tier) {
        String zh = start.map(s -> ZH.format(s.atZone(zone)) + "（" + zone.getId() + "）")
                .orElse("（未来两周无人排班，请管理员安排）");
        String en = start.map(s -> EN.format(s.atZone(zone)) + " (" + zone.getId() + ")")
                .orElse("(nobody rostered in the next two weeks: an admin must assign it)");
        return Map.of("pickupzh", zh, "pickupen", en, "tier", tier.name());
    }
}
