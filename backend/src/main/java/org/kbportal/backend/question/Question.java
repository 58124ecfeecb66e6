package org.kbportal.backend.question;

import java.time.Instant;
import org.kbportal.contract.duty.Tier;

/**
 * A stored question with its clocks; changes are written with its {@code version} as a guard. Changed copies are
 * made with {@link #toBuilder()}: what was asked, by whom and when never change.
 */
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
        return toBuilder().status(s).build();
    }

    /** A copy to change: {@code a.toBuilder().status(s).build()}. */
    Builder toBuilder() {
        return new Builder()
                .id(id)
                .title(title)
                .body(body)
                .kind(kind)
                .severity(severity)
                .category(category)
                .askerId(askerId)
                .askerName(askerName)
                .askerOrg(askerOrg)
                .askerOrgId(askerOrgId)
                .contactPref(contactPref)
                .status(status)
                .assigneeId(assigneeId)
                .assigneeName(assigneeName)
                .tier(tier)
                .escalated(escalated)
                .workingTime(workingTime)
                .clocks(clocks)
                .firstReplyAt(firstReplyAt)
                .resolvedAt(resolvedAt)
                .closedAt(closedAt)
                .pausedSince(pausedSince)
                .pausedSeconds(pausedSeconds)
                .articleId(articleId)
                .version(version)
                .createdAt(createdAt)
                .updatedAt(updatedAt);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Question} by named parts instead of a long positional list. */
    static final class Builder {
        private long id;
        private String title;
        private String body;
        private String kind;
        private String severity;
        private String category;
        private long askerId;
        private String askerName;
        private String askerOrg;
        private Long askerOrgId;
        private String contactPref;
        private QuestionStatus status;
        private Long assigneeId;
        private String assigneeName;
        private Tier tier;
        private boolean escalated;
        private boolean workingTime;
        private Clocks clocks;
        private Instant firstReplyAt;
        private Instant resolvedAt;
        private Instant closedAt;
        private Instant pausedSince;
        private long pausedSeconds;
        private String articleId;
        private int version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        Builder id(long id) {
            this.id = id;
            return this;
        }

        Builder title(String title) {
            this.title = title;
            return this;
        }

        Builder body(String body) {
            this.body = body;
            return this;
        }

        Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        Builder severity(String severity) {
            this.severity = severity;
            return this;
        }

        Builder category(String category) {
            this.category = category;
            return this;
        }

        Builder askerId(long askerId) {
            this.askerId = askerId;
            return this;
        }

        Builder askerName(String askerName) {
            this.askerName = askerName;
            return this;
        }

        Builder askerOrg(String askerOrg) {
            this.askerOrg = askerOrg;
            return this;
        }

        Builder askerOrgId(Long askerOrgId) {
            this.askerOrgId = askerOrgId;
            return this;
        }

        Builder contactPref(String contactPref) {
            this.contactPref = contactPref;
            return this;
        }

        Builder status(QuestionStatus status) {
            this.status = status;
            return this;
        }

        Builder assigneeId(Long assigneeId) {
            this.assigneeId = assigneeId;
            return this;
        }

        Builder assigneeName(String assigneeName) {
            this.assigneeName = assigneeName;
            return this;
        }

        Builder tier(Tier tier) {
            this.tier = tier;
            return this;
        }

        Builder escalated(boolean escalated) {
            this.escalated = escalated;
            return this;
        }

        Builder workingTime(boolean workingTime) {
            this.workingTime = workingTime;
            return this;
        }

        Builder clocks(Clocks clocks) {
            this.clocks = clocks;
            return this;
        }

        Builder firstReplyAt(Instant firstReplyAt) {
            this.firstReplyAt = firstReplyAt;
            return this;
        }

        Builder resolvedAt(Instant resolvedAt) {
            this.resolvedAt = resolvedAt;
            return this;
        }

        Builder closedAt(Instant closedAt) {
            this.closedAt = closedAt;
            return this;
        }

        Builder pausedSince(Instant pausedSince) {
            this.pausedSince = pausedSince;
            return this;
        }

        Builder pausedSeconds(long pausedSeconds) {
            this.pausedSeconds = pausedSeconds;
            return this;
        }

        Builder articleId(String articleId) {
            this.articleId = articleId;
            return this;
        }

        Builder version(int version) {
            this.version = version;
            return this;
        }

        Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        Question build() {
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
                    status,
                    assigneeId,
                    assigneeName,
                    tier,
                    escalated,
                    workingTime,
                    clocks,
                    firstReplyAt,
                    resolvedAt,
                    closedAt,
                    pausedSince,
                    pausedSeconds,
                    articleId,
                    version,
                    createdAt,
                    updatedAt);
        }
    }
}
