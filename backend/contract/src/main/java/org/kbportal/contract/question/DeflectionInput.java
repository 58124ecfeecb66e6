package org.kbportal.contract.question;

import jakarta.validation.constraints.Size;

/** "This solved my problem" for an article found while asking ({@code POST /api/questions/deflections}). */
public record DeflectionInput(
        @Size(max = 220) String articleId, @Size(max = 500) String query) {}
