package org.kbportal.ui.client;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** Maintains the synonym groups searches use ({@code /api/admin/synonyms}, ADMIN). Declarative. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface SynonymClient {

    /** What creating or changing a group sends. */
    record Terms(List<String> terms) {}

    /** Every group, oldest first. */
    @GetExchange("/api/admin/synonyms")
    List<SynonymGroup> list();

    @PostExchange("/api/admin/synonyms")
    SynonymGroup create(@RequestBody Terms terms);

    /**
     * Adds a group; searches use it at once.
     *
     * @throws BackendException 400 {@code invalid-synonyms} unless there are 2 to 20 terms of at most
     *     50 characters
     */
    default SynonymGroup create(List<String> terms) {
        return create(new Terms(terms));
    }

    @PutExchange("/api/admin/synonyms/{id}")
    SynonymGroup update(@PathVariable long id, @RequestBody Terms terms);

    /**
     * Replaces the terms of a group.
     *
     * @throws BackendException 400 {@code invalid-synonyms}; 404 {@code synonym-not-found} when it was
     *     deleted meanwhile
     */
    default SynonymGroup update(long id, List<String> terms) {
        return update(id, new Terms(terms));
    }

    /**
     * Removes a group.
     *
     * @throws BackendException 404 {@code synonym-not-found} when it is gone already
     */
    @DeleteExchange("/api/admin/synonyms/{id}")
    void delete(@PathVariable long id);
}
