package org.kbportal.backend.article;

import java.util.List;

/** One page of the article list with the total count. */
public record ArticlePage(long total, List<Article> items) {}
