package org.kbportal.backend.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the review workflow and readers' feedback ({@code kb.curation.*}, overridable with
 * {@code KB_SCHEDULE_INTERVAL}, {@code KB_VIEW_FLUSH_INTERVAL}, {@code KB_FEEDBACK_PER_MINUTE}).
 *
 * @param scheduleInterval how often approved articles whose publication time has come are published
 * @param viewFlushInterval how often buffered read counts are added to the database
 * @param feedbackPerMinute feedback posts one voter (user, visitor session or address) may send a minute
 * @param feedbackPerAddressPerHour feedback posts from one client address an hour, whatever voter ids it
 *     sends ({@code KB_FEEDBACK_PER_ADDRESS_PER_HOUR}): invented visitor ids cannot stuff the votes
 */
@ConfigurationProperties("kb.curation")
public record CurationProperties(
        @DefaultValue("30s") Duration scheduleInterval,
        @DefaultValue("5s") Duration viewFlushInterval,
        @DefaultValue("5") int feedbackPerMinute,
        @DefaultValue("60") int feedbackPerAddressPerHour) {}
