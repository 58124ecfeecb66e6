package org.kbportal.backend.channel;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A channel row; {@code secretEnc} is the encrypted secret (never leaves the backend). */
record StoredChannel(
        long id,
        ChannelKind kind,
        String name,
        String url,
        String secretEnc,
        Set<EventType> events,
        List<String> categories,
        List<String> severities,
        SmsSettings sms,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    /** Routing: an empty list means every value; a test message always passes. */
    boolean wants(ChannelEvent e) {
        if (e.type() == EventType.TEST) {
            return true;
        }
        return enabled
                && (events.isEmpty() || events.contains(e.type()))
                && (categories.isEmpty() || (e.category() != null && categories.contains(e.category())))
                && (severities.isEmpty() || (e.severity() != null && severities.contains(e.severity())));
    }
}
