package org.kbportal.backend.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void shouldJoinControllerAndMethodInCamelCaseWithoutRepeatingAName() {
        assertThat(OperationIds.of("ArticleController", "create")).isEqualTo("articleCreate");
        assertThat(OperationIds.of("IndexAdminController", "rebuild")).isEqualTo("indexAdminRebuild");
        assertThat(OperationIds.of("SearchController", "search")).isEqualTo("search");
        assertThat(OperationIds.of("Controller", "ping")).isEqualTo("ping");
    }
}
