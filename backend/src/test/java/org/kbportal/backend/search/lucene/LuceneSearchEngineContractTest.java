package org.kbportal.backend.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import org.kbportal.backend.search.SearchEngine;
import org.kbportal.backend.search.SearchEngineContract;

/** Every engine scenario, on the embedded Lucene engine. */
class LuceneSearchEngineContractTest extends SearchEngineContract {

    @Override
    protected SearchEngine newEngine(Path dir) throws IOException {
        return new LuceneSearchEngine(dir);
    }
}
