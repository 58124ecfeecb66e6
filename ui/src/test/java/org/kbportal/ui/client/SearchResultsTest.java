package org.kbportal.ui.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchResultsTest {

    @Test
    void shouldOfferOnlyThePagesTheBackendLetsUsOpen() {
        assertThat(results(11, true, 10).totalPages(1000)).isEqualTo(2);
        assertThat(results(0, true, 10).totalPages(1000)).isEqualTo(1);
        // more matches than the deepest reachable hit (the backend's window, 1,000 here): the pager stops there
        assertThat(results(5000, true, 10).totalPages(1000)).isEqualTo(100);
        assertThat(results(1001, false, 10).totalPages(1000)).isEqualTo(100);
        assertThat(results(1001, false, 30).totalPages(1000)).isEqualTo(33);
        // a backend configured with a smaller window
        assertThat(results(5000, true, 10).totalPages(300)).isEqualTo(30);
    }

    private static SearchResults results(long total, boolean exact, int size) {
        return new SearchResults("q", total, exact, 0, size, List.of(), null, 1, null, null, false, null, null);
    }
}
