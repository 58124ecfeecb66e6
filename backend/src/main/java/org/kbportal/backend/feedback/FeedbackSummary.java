package org.kbportal.backend.feedback;

/**
 * What readers think of one article.
 *
 * @param yourVote the caller's own vote (true helpful, false not), null when none
 */
public record FeedbackSummary(String articleId, long helpful, long notHelpful, long views, Boolean yourVote) {}
