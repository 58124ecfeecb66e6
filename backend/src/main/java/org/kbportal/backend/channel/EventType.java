package org.kbportal.backend.channel;

import java.util.Locale;

/** What happened; channels subscribe to these. The webhook payload names them {@code question.assigned}, .... */
public enum EventType {
    ASSIGNED("question.assigned", "已分派"),
    SLA_WARNING("question.sla_warning", "即将超时"),
    SLA_BREACH("question.sla_breach", "已超时"),
    ESCALATED("question.escalated", "已升级"),
    HANDED_OVER("question.handed_over", "已转交"),
    ANSWERED("question.answered", "已答复"),
    RESOLVED("question.resolved", "已解决"),
    REOPENED("question.reopened", "已重开"),
    RATED_LOW("question.rated_low", "低分评价"),
    ARTICLE_PUBLISHED("article.published", "知识已发布"),
    TEST("channel.test", "测试消息");

    private final String wireName;
    private final String label;

    EventType(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The name in webhook payloads. */
    public String wireName() {
        return wireName;
    }

    /** The Chinese label in group and SMS messages. */
    public String label() {
        return label;
    }

    /**
     * Whether group robots @-mention the expert the question is with (DingTalk {@code atMobiles}): when the
     * expert has to act (it is theirs now, or its clock runs out), not for news such as an answer or a
     * resolution. A test message mentions the admin who sends it.
     */
    boolean callsTheExpert() {
        return switch (this) {
            case ASSIGNED, HANDED_OVER, ESCALATED, SLA_WARNING, SLA_BREACH, TEST -> true;
            default -> false;
        };
    }

    static EventType parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
