package org.kbportal.backend.question;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;

/** {@link QuestionAccessScenario} on H2. */
class QuestionAccessIT {

    @Test
    void staleExpertsAndLookAlikeOrganisationsSeeNothingOfOthers() {
        try (BackendServer server = BackendServer.start(
                BackendServer.tempDataDir("kb-question-access-it"),
                Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false"))) {
            new QuestionAccessScenario(server).run();
        }
    }
}
