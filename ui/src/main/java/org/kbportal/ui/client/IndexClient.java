package org.kbportal.ui.client;

import org.springframework.http.MediaType;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** Status and rebuild of the search index ({@code /api/admin/index}, ADMIN). Declarative. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface IndexClient {

    /** Counts, engine and the progress of the last or running rebuild. */
    @GetExchange("/api/admin/index/status")
    IndexStatus status();

    /**
     * Starts rebuilding the index in the background; while a rebuild runs, asks for nothing and
     * returns its progress. The answer may still show the previous rebuild when the new one has not
     * got going yet.
     */
    @PostExchange("/api/admin/index/rebuild")
    RebuildProgress startRebuild();
}
