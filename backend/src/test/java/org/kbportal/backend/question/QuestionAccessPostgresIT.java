package org.kbportal.backend.question;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/** {@link QuestionAccessScenario} on PostgreSQL. */
class QuestionAccessPostgresIT {

    @Test
    void staleExpertsAndLookAlikeOrganisationsSeeNothingOfOthers() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start("kb");
                BackendServer server = BackendServer.start(
                        BackendServer.tempDataDir("kb-question-access-pg"),
                        pg.backendSettings(
                                "kb",
                                Map.of(
                                        "kb.seed.index-data", "false",
                                        "kb.search.embeddings", "false")))) {
            new QuestionAccessScenario(server).run();
        }
    }
}
