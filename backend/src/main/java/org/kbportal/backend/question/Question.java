package org.kbportal.backend.question;

import java.time.Instant;
import org.kbportal.backend.duty.Tier;

/** A stored question with its clocks; changes are written with its {@code version} as a guard. */
record Question(
        long id,
        String title,
        String body,
        String kind,
        String severity,
        String category,
        long askerId,
        String askerName,
        String askerOrg,
        Long askerOrgId,
        String contactPref,
        QuestionStatus status,
        Long assigneeId,
        String assigneeName,
        Tier tier,
        boolean escalated,
        boolean workingTime,
        Clocks clocks,
        Instant firstReplyAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant pausedSince,
        long pausedSeconds,
        String articleId,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** Due and warning times, and which of them have fired. */
    record Clocks(
            Instant replyWarnAt,
            Instant replyDueAt,
            Instant resolveWarnAt,
            Instant resolveDueAt,
            boolean replyWarned,
            boolean replyBreached,
            boolean resolveWarned,
            boolean resolveBreached) {}

    Question with(QuestionStatus s) {
        return copy(
                s,
                assigneeId,
                assigneeName,
                tier,
                escalated,
                clocks,
                firstReplyAt,
                resolvedAt,
                closedAt,
                pausedSince,
                pausedSeconds,
                articleId);
    }

    Question assigned(Long assignee, String name, Tier t, boolean esc) {
        return copy(
                status,
                assignee,
                name,
                t,
                esc,
                clocks,
                firstReplyAt,
                resolvedAt,
                closedAt,
                pausedSince,
                pausedSeconds,
                articleId);
    }

    Question times(Instant firstReply, Instant resolved, Instant closed, Instant paused, long pausedSecs, Clocks c) {
        return copy(
                status,
                assigneeId,
                assigneeName,
                tier,
                escalated,
                c,
                firstReply,
                resolved,
                closed,
                paused,
                pausedSecs,
                articleId);
    }

    Question article(String article) {
        return copy(
                status,
                assigneeId,
                assigneeName,
                tier,
                escalated,
                clocks,
                firstReplyAt,
                resolvedAt,
                closedAt,
                pausedSince,
                pausedSeconds,
                article);
    }

    /** This question with its changeable fields replaced; what was asked, by whom and when never change. */
    private Question copy(
            QuestionStatus s,
            Long assignee,
            String name,
            Tier t,
            boolean esc,
            Clocks c,
            Instant firstReply,
            Instant resolved,
            Instant closed,
            Instant paused,
            long pausedSecs,
            String article) {
        return new Question(
                id,
                title,
                body,
                kind,
                severity,
                category,
                askerId,
                askerName,
                askerOrg,
                askerOrgId,
                contactPref,
                s,
                assignee,
                name,
                t,
                esc,
                workingTime,
                c,
                firstReply,
                resolved,
                closed,
                paused,
                pausedSecs,
                article,
                version,
                createdAt,
                updatedAt);
    }
}
