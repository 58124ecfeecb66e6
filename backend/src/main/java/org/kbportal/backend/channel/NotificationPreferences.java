package org.kbportal.backend.channel;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Which events reach a user by which of their channels, and when not to text them. The portal always
 * gets every notification (it is the record, and experts' live stream); e-mail and SMS follow the lists
 * (null: every event). Between {@code quietStart} and {@code quietEnd} (HH:mm in {@code kb.questions.zone},
 * may run over midnight) no SMS is sent except for severity A.
 *
 * @param email events wanted by e-mail, null for all
 * @param sms events wanted by SMS, null for all
 * @param quietStart start of the quiet hours, or null
 * @param quietEnd end of the quiet hours, or null
 */
public record NotificationPreferences(List<String> email, List<String> sms, String quietStart, String quietEnd) {

    static final NotificationPreferences DEFAULT = new NotificationPreferences(null, null, null, null);

    boolean wantsEmail(EventType t) {
        return email == null || email.contains(t.name());
    }

    boolean wantsSms(EventType t) {
        return sms == null || sms.contains(t.name());
    }

    /** Whether {@code t} falls into the quiet hours. */
    boolean quiet(LocalTime t) {
        if (quietStart == null || quietEnd == null) {
            return false;
        }
        LocalTime s = LocalTime.parse(quietStart);
        LocalTime e = LocalTime.parse(quietEnd);
        return s.isBefore(e) ? !t.isBefore(s) && t.isBefore(e) : !t.isBefore(s) || t.isBefore(e);
    }

    /** The stored form; 400 {@code urn:kb:preferences-invalid} naming the field otherwise. */
    NotificationPreferences validated() {
        check("email", email);
        check("sms", sms);
        if ((quietStart == null) != (quietEnd == null)) {
            throw ChannelInput.invalidPreferences("quietStart", "Quiet hours need a start and an end.");
        }
        for (String time : new String[] {quietStart, quietEnd}) {
            if (time != null) {
                try {
                    if (!time.matches("\\d{2}:\\d{2}")) {
                        throw new DateTimeParseException(time, time, 0);
                    }
                    LocalTime.parse(time);
                } catch (DateTimeParseException e) {
                    throw ChannelInput.invalidPreferences("quietStart", "Times are HH:mm, e.g. 22:00.");
                }
            }
        }
        return this;
    }

    private static void check(String field, List<String> events) {
        if (events == null) {
            return;
        }
        for (String e : events) {
            try {
                if (EventType.valueOf(e) == EventType.TEST) {
                    throw new IllegalArgumentException();
                }
            } catch (RuntimeException x) {
                throw ChannelInput.invalidPreferences(
                        field, "Unknown event type: " + MessageText.cut(String.valueOf(e), 40) + ".");
            }
        }
    }
}
