package org.kbportal.backend.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppAnalysisTest {

    @Test
    void producesTheEmbeddedEnginesTermsSeparatedBySpaces() {
        // possessive and stop word dropped, stemmed, full-width folded, Han text as single characters
        assertThat(AppAnalysis.terms("The user's Ｒestarting 数据库")).isEqualTo("user restart 数 据 库");
        assertThat(AppAnalysis.terms(List.of("VPN", "证书"))).isEqualTo("vpn 证 书");
    }

    @Test
    void blankAndStopWordOnlyTextsHaveNoTerms() {
        assertThat(AppAnalysis.terms((String) null)).isEmpty();
        assertThat(AppAnalysis.terms("  ")).isEmpty();
        assertThat(AppAnalysis.terms("the and of")).isEmpty();
    }
}
