package org.kbportal.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymTermsTest {

    @Test
    void shouldSplitOnCommasEnumerationCommasSemicolonsAndNewLines() {
        assertThat(SynonymTerms.parse("蓝屏、BSOD, blue screen，死机;崩溃；系统崩溃\n\r\nkernel  panic\n"))
                .containsExactly("蓝屏", "BSOD", "blue screen", "死机", "崩溃", "系统崩溃", "kernel panic");
    }

    @Test
    void shouldDropBlanksAndRepeatsIgnoringCase() {
        assertThat(SynonymTerms.parse(" , BSOD,, bsod 、\n  ,蓝屏,蓝屏 ")).containsExactly("BSOD", "蓝屏");
        assertThat(SynonymTerms.parse(null)).isEmpty();
        assertThat(SynonymTerms.parse("   ")).isEmpty();
    }

    @Test
    void shouldFormatSoThatParsingGivesTheSameTerms() {
        List<String> terms = List.of("蓝屏", "BSOD", "blue screen");

        assertThat(SynonymTerms.format(terms)).isEqualTo("蓝屏, BSOD, blue screen");
        assertThat(SynonymTerms.parse(SynonymTerms.format(terms))).isEqualTo(terms);
    }

    @Test
    void shouldExplainTheBackendLimits() {
        assertThat(SynonymTerms.check(List.of("蓝屏", "BSOD"))).isEmpty();
        assertThat(SynonymTerms.check(List.of("蓝屏")))
                .contains(new SynonymTerms.Invalid("synonyms.terms.too-few", List.of(2)));
        assertThat(SynonymTerms.check(Collections.nCopies(21, "x")))
                .contains(new SynonymTerms.Invalid("synonyms.terms.too-many", List.of(20)));
        String tooLong = "长".repeat(51);
        assertThat(SynonymTerms.check(List.of("蓝屏", tooLong)))
                .contains(new SynonymTerms.Invalid("synonyms.terms.too-long", List.of(50, tooLong)));
        assertThat(SynonymTerms.check(List.of("蓝屏", "长".repeat(50)))).isEmpty();
    }
}
