package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryWordsTest {

    @Test
    void hanTextBecomesBigramsNeverSingleCharacters() {
        assertThat(QueryWords.of("数据库备份")).containsExactly("数据", "据库", "库备", "备份");
        assertThat(QueryWords.of("网")).isEmpty();
        assertThat(QueryWords.units("网")).isEmpty();
    }

    @Test
    void bigramsDoNotCrossPunctuationOrLatinWords() {
        assertThat(QueryWords.of("网络，断开")).containsExactly("网络", "断开");
        assertThat(QueryWords.of("Tomcat内存溢出")).containsExactly("tomcat", "内存", "存溢", "溢出");
    }

    @Test
    void questionWordsAndBigramsStraddlingThemSayNothingAboutTheTopic() {
        assertThat(QueryWords.of("为什么？怎么办？备份")).containsExactly("备份");
        assertThat(QueryWords.of("数据库怎么备份")).containsExactly("数据", "据库", "备份");
    }

    @Test
    void latinWordsAreStemmedAndStopWordsDropped() {
        assertThat(QueryWords.of("How do I reset the passwords"))
                .containsExactly("how", "do", "i", "reset", "password");
    }

    @Test
    void coverageCountsCharactersCoveredByASharedBigramAndLatinWords() {
        List<Set<String>> query = QueryWords.units("账号锁定");
        assertThat(query).hasSize(4);
        assertThat(QueryWords.coverage(query, QueryWords.of("账号被锁定如何解锁"))).isEqualTo(1.0);
        assertThat(QueryWords.coverage(query, QueryWords.of("账号管理"))).isEqualTo(0.5);
        // sharing characters is not sharing words
        assertThat(QueryWords.coverage(QueryWords.units("今天天气好吗"), QueryWords.of("天下今日气象好")))
                .isZero();
        assertThat(QueryWords.coverage(QueryWords.units("Nginx 502 错误"), QueryWords.of("nginx 返回 502")))
                .isEqualTo(0.5);
        assertThat(QueryWords.coverage(List.of(), QueryWords.of("anything"))).isZero();
    }
}
