package org.kbportal.backend.channel;

import java.util.List;

/**
 * The JSON of an event as webhooks receive it (and as the outbox keeps it): {@code {"type":
 * "question.assigned","timestamp":"2026-12-05T08:00:00Z","data":{...}}}. Phones are kept only for the
 * channels that need them (DingTalk @-mentions); webhooks never get them.
 */
record Payload(String type, String timestamp, Data data) {

    record Data(
            Long questionId,
            String articleId,
            String title,
            String category,
            String severity,
            String status,
            String assignee,
            String detail,
            String link,
            List<String> mobiles) {}

    static Payload of(ChannelEvent e, String link, boolean withMobiles) {
        return new Payload(
                e.type().wireName(),
                e.occurredAt().toString(),
                new Data(
                        e.questionId(),
                        e.articleId(),
                        e.title(),
                        e.category(),
                        e.severity(),
                        e.status(),
                        e.assignee(),
                        e.detail(),
                        link,
                        withMobiles && !e.mobiles().isEmpty() ? e.mobiles() : null));
    }

    /** The event's label from its wire name. */
    String label() {
        for (EventType t : EventType.values()) {
            if (t.wireName().equals(type)) {
                return t.label();
            }
        }
        return type;
    }
}
