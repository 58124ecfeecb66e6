package org.kbportal.ui.client;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Status and rebuild of the search index ({@code /api/admin/index}, ADMIN). */
@Component
public class IndexClient {

    private final RestClient http;

    public IndexClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /** Counts, engine and the progress of the last or running rebuild. */
    public IndexStatus status() {
        return BackendCalls.call(
                () -> http.get().uri("/api/admin/index/status").retrieve().body(IndexStatus.class));
    }

    /**
     * Starts rebuilding the index in the background; while a rebuild runs, asks for nothing and
     * returns its progress. The answer may still show the previous rebuild when the new one has not
     * got going yet.
     */
    public RebuildProgress startRebuild() {
        return BackendCalls.call(
                () -> http.post().uri("/api/admin/index/rebuild").retrieve().body(RebuildProgress.class));
    }
}
