package org.kbportal.backend.search.elasticsearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The stored fields a hit or a suggestion is made from. */
@JsonIgnoreProperties(ignoreUnknown = true)
record UnitSource(
        String id,
        String articleId,
        String type,
        String lang,
        String category,
        String status,
        String title,
        String body) {

    static final List<String> FIELDS = List.of(
            UnitMapping.ID,
            UnitMapping.ARTICLE_ID,
            UnitMapping.TYPE,
            UnitMapping.LANG,
            UnitMapping.CATEGORY,
            UnitMapping.STATUS,
            UnitMapping.TITLE,
            UnitMapping.BODY);
}
