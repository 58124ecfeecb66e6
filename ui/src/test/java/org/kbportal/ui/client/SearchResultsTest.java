package org.kbportal.ui.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchResultsTest {

    @Test
    void shouldOfferOnlyThePagesTheBackendLetsUsOpen() {
        assertThat(results(11, true, 10).totalPages()).isEqualTo(2);
        assertThat(results(0, true, 10).totalPages()).isEqualTo(1);
        // more matches than the deepest reachable hit (1,000): the pager stops there
        assertThat(results(5000, true, 10).totalPages()).isEqualTo(100);
        assertThat(results(1001, false, 10).totalPages()).isEqualTo(100);
        assertThat(results(1001, false, 30).totalPages()).isEqualTo(33);
    }

    private static SearchResults results(long total, boolean exact, int size) {
        return new SearchResults("q", total, exact, 0, size, List.of(), null, 1, null, null, false, null, null);
    }
}
