package org.kbportal.backend.article;

import java.util.List;

/** A page of articles for the API. */
public record ArticleListView(long total, List<ArticleView> items) {}
