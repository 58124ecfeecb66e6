package org.kbportal.backend.channel;

import java.time.Instant;
import java.util.List;

/**
 * One thing to tell the channels about. Question fields are null for an article event; {@code mobiles}
 * are the phones of the assigned or on-duty expert (DingTalk @-mentions them, SMS texts them).
 *
 * @param type what happened
 * @param questionId the question, or null
 * @param articleId the article, or null
 * @param title the question's or article's title
 * @param category the question's category (routing), or null
 * @param severity A, B, C or D (routing), or null
 * @param status the question's status after the event, or null
 * @param assignee the assigned expert's display name, or null
 * @param assigneeId the assigned expert's user id (their SMS preferences), or null
 * @param mobiles phones to notify, possibly empty
 * @param detail a short free text (reason, clock, comment), or null
 * @param occurredAt when it happened
 */
public record ChannelEvent(
        EventType type,
        Long questionId,
        String articleId,
        String title,
        String category,
        String severity,
        String status,
        String assignee,
        Long assigneeId,
        List<String> mobiles,
        String detail,
        Instant occurredAt) {

    public ChannelEvent {
        mobiles = mobiles == null ? List.of() : List.copyOf(mobiles);
    }
}
