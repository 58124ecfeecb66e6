package org.kbportal.backend.article;

import java.util.List;

/** What an article says, as kept by the article and by each of its saved versions. */
interface ArticleContent {
    ArticleType type();

    String lang();

    String category();

    String title();

    String body();

    String symptom();

    String cause();

    String resolution();

    String affectedSystem();

    List<String> tags();
}
