package org.kbportal.ui.client;

import java.util.List;

/**
 * What an editor sends to create or update an article.
 *
 * @param id wanted id on create (null: the backend makes one); ignored on update
 * @param expectedVersion the version the editor started from; the backend refuses the update with
 *     {@code stale-version} if someone saved in between
 */
public record ArticleInput(
        String id,
        String type,
        String lang,
        String category,
        String title,
        String body,
        String symptom,
        String cause,
        String resolution,
        String affectedSystem,
        List<String> tags,
        Integer expectedVersion) {

    public ArticleInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
