package org.kbportal.backend.article;

/** A node of the category tree; {@code parentCode} is null for top-level categories. */
public record Category(String code, String parentCode, String nameZh, String nameEn, int sortOrder) {}
