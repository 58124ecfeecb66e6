package org.kbportal.backend.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ESCALATED event's detail, read back: {@code "→ expert2 (L2): reason"} or {@code "→ L3 queue
 * (nobody available): reason"} (question/Assigner). Automatic escalations carry the SLA monitor's
 * {@code "reply time exceeded"} / {@code "resolution time exceeded"}.
 */
record Escalation(String tier, String reason) {

    static final String REPLY_BREACH = "reply time exceeded";
    static final String RESOLVE_BREACH = "resolution time exceeded";
    private static final Pattern TIER = Pattern.compile("\\b(L[123])\\b");

    static Escalation parse(String detail) {
        String d = detail == null ? "" : detail.strip();
        Matcher m = TIER.matcher(d);
        String tier = m.find() ? m.group(1) : "?";
        int close = d.indexOf("):");
        String reason = close < 0 ? "" : d.substring(close + 2).strip();
        return new Escalation(tier, reason.isEmpty() ? "(no reason given)" : reason);
    }

    /** A Chinese label for the automatic reasons; a typed reason as it is. */
    static String label(String reason) {
        return switch (reason) {
            case REPLY_BREACH -> "回复超时自动升级 (reply time exceeded)";
            case RESOLVE_BREACH -> "解决超时自动升级 (resolution time exceeded)";
            case "(no reason given)" -> "未填写原因 (no reason given)";
            default -> reason;
        };
    }
}
