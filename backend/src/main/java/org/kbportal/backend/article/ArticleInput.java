package org.kbportal.backend.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an editor sends to create or update an article. {@code id} is optional on create (one is
 * generated); {@code expectedVersion}, when given on update, guards against overwriting a newer save.
 */
public record ArticleInput(
        @Pattern(regexp = ArticleInput.ID_PATTERN, message = "letters, digits, '.', '_', ':' or '-', at most 200")
        String id,

        @NotBlank(message = "type is required") String type,
        @NotBlank(message = "lang is required") String lang,
        @Size(max = 64) String category,

        @NotBlank(message = "title is required") @Size(max = 500, message = "at most 500 characters")
        String title,

        @Size(max = 1_000_000, message = "at most 1,000,000 characters")
        String body,

        @Size(max = 100_000) String symptom,
        @Size(max = 100_000) String cause,
        @Size(max = 100_000) String resolution,
        @Size(max = 200) String affectedSystem,
        @Size(max = 30, message = "at most 30 tags") List<@Size(max = 50) String> tags,
        Integer expectedVersion) {

    /** External ids: stable, URL-safe, never containing the section separator {@code ~}. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,199}";
}
