package org.kbportal.ui.client;

import java.time.Instant;

/** A file attached to an article; downloaded through the portal, never shown inline. */
public record ArticleAttachment(
        String id,
        String articleId,
        String name,
        String contentType,
        long size,
        String sha256,
        String description,
        String addedBy,
        Instant addedAt) {}
