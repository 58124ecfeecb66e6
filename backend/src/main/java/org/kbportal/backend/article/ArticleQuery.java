package org.kbportal.backend.article;

/** Filters for the article list (the admin curation table and "latest articles"). */
public record ArticleQuery(
        ArticleType type, ArticleStatus status, String category, String lang, String text, int page, int size) {}
