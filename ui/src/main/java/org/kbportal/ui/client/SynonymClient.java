package org.kbportal.ui.client;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Maintains the synonym groups searches use ({@code /api/admin/synonyms}, ADMIN). */
@Component
public class SynonymClient {

    private final RestClient http;

    public SynonymClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /** Every group, oldest first. */
    public List<SynonymGroup> list() {
        SynonymGroup[] all = BackendCalls.call(
                () -> http.get().uri("/api/admin/synonyms").retrieve().body(SynonymGroup[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    /**
     * Adds a group; searches use it at once.
     *
     * @throws BackendException 400 {@code invalid-synonyms} unless there are 2 to 20 terms of at most
     *     50 characters
     */
    public SynonymGroup create(List<String> terms) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/synonyms")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("terms", terms))
                .retrieve()
                .body(SynonymGroup.class));
    }

    /**
     * Replaces the terms of a group.
     *
     * @throws BackendException 400 {@code invalid-synonyms}; 404 {@code synonym-not-found} when it was
     *     deleted meanwhile
     */
    public SynonymGroup update(long id, List<String> terms) {
        return BackendCalls.call(() -> http.put()
                .uri("/api/admin/synonyms/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("terms", terms))
                .retrieve()
                .body(SynonymGroup.class));
    }

    /**
     * Removes a group.
     *
     * @throws BackendException 404 {@code synonym-not-found} when it is gone already
     */
    public void delete(long id) {
        BackendCalls.run(() ->
                http.delete().uri("/api/admin/synonyms/{id}", id).retrieve().toBodilessEntity());
    }
}
