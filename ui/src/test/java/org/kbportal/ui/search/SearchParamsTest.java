package org.kbportal.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.SearchQuery;

class SearchParamsTest {

    @Test
    void shouldReadWordsFiltersAndOneBasedPageFromTheUrl() {
        SearchQuery q = SearchParams.parse(QueryParameters.fromString(
                "q=%E6%95%B0%E6%8D%AE%E5%BA%93%20%E5%A4%87%E4%BB%BD&type=faq&category=database&lang=zh&page=3"));

        assertThat(q).isEqualTo(new SearchQuery("数据库 备份", "faq", "database", "zh", 2, SearchQuery.DEFAULT_SIZE));
    }

    @Test
    void shouldWriteOnlyWhatIsSetAndLeaveOutTheFirstPage() {
        QueryParameters params = SearchParams.format(SearchQuery.of("VPN").withFilter("lang", "en"));

        assertThat(params.getParameters()).containsOnlyKeys("q", "lang");
        assertThat(params.getSingleParameter("q")).contains("VPN");
    }

    @Test
    void shouldSurviveTheRoundTrip() {
        SearchQuery q = new SearchQuery("C++ & a=b #1", "manual", "backup", null, 4, SearchQuery.DEFAULT_SIZE);

        QueryParameters viaUrl =
                QueryParameters.fromString(SearchParams.format(q).getQueryString());

        assertThat(SearchParams.parse(viaUrl)).isEqualTo(q);
    }

    @Test
    void shouldFallBackToTheFirstPageForHandEditedNonsense() {
        assertThat(SearchParams.parse(QueryParameters.simple(Map.of("q", "x", "page", "abc")))
                        .page())
                .isZero();
        assertThat(SearchParams.parse(QueryParameters.simple(Map.of("q", "x", "page", "-4")))
                        .page())
                .isZero();
    }

    @Test
    void shouldTreatBlankValuesAsAbsent() {
        SearchQuery q = SearchParams.parse(QueryParameters.simple(Map.of("q", "  ", "type", "")));

        assertThat(q.hasWords()).isFalse();
        assertThat(q.type()).isNull();
    }

    @Test
    void shouldResetThePageWhenAFilterChanges() {
        SearchQuery q = SearchQuery.of("备份").withPage(5).withFilter("type", "case");

        assertThat(q.page()).isZero();
        assertThat(q.withFilter("type", null).type()).isNull();
    }
}
