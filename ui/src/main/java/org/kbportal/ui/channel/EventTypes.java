package org.kbportal.ui.channel;

import java.util.List;

/** The question events a channel can carry and a user can be notified of, in the order the forms list them. */
public final class EventTypes {

    public static final List<String> ALL = List.of(
            "ASSIGNED",
            "SLA_WARNING",
            "SLA_BREACH",
            "ESCALATED",
            "HANDED_OVER",
            "ANSWERED",
            "RESOLVED",
            "REOPENED",
            "RATED_LOW");

    private EventTypes() {}
}
