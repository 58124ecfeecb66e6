package org.kbportal.ui.client;

/**
 * A new question ({@code POST /api/questions}).
 *
 * @param body the description; rich text, the backend keeps basic HTML only
 * @param kind FAULT, CONSULTATION or SUGGESTION
 * @param severity A (urgent) to E (minor)
 * @param contactPref how the asker prefers to be reached; may be null
 */
public record QuestionInput(
        String title, String body, String kind, String severity, String category, String contactPref) {}
