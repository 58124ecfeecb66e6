package org.kbportal.contract.question;

/** The DRAFT article a question's answer became and its status ({@code POST /api/questions/{id}/publish}). */
public record PublishedDraft(String articleId, String status) {}
