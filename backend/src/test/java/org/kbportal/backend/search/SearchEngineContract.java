package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SearchEngine} must do, on one fixed corpus with exact expectations: an engine test
 * extends this class and says how to open its engine over a directory (the same directory reopens the
 * same index). The corpus: English and Chinese FAQs, a Chinese manual with three sections, a case, a
 * draft, a unit without category, and hand-made unit vectors (axis {@code i} of 384 dimensions).
 */
public abstract class SearchEngineContract {

    protected static final String PUBLISHED = "PUBLISHED";

    protected static final IndexDoc FAQ_1 = unit(
            "FAQ-1",
            "FAQ-1",
            "faq",
            "en",
            "account",
            List.of("it", "account"),
            PUBLISHED,
            "How to reset a password",
            "Open the portal, choose Forgot password and follow the link in the e-mail. The link expires after one hour.",
            List.of("password", "login"),
            axis(0));
    protected static final IndexDoc FAQ_2 = unit(
            "FAQ-2",
            "FAQ-2",
            "faq",
            "en",
            "network",
            List.of("it", "network"),
            PUBLISHED,
            "VPN connection drops",
            "If the VPN drops every few minutes, update the client and check the <b>MTU</b> & the Wi-Fi power saving.",
            List.of("vpn"),
            axis(1));
    protected static final IndexDoc FAQ_3 = unit(
            "FAQ-3",
            "FAQ-3",
            "faq",
            "zh",
            "account",
            List.of("it", "account"),
            PUBLISHED,
            "如何重置密码",
            "打开门户，点击忘记密码，然后按照邮件中的链接操作。",
            List.of("密码"),
            axis(2));
    /** A draft whose vector is exactly {@link #EN_QUERY_VECTOR}: only curators may get it. */
    protected static final IndexDoc FAQ_4_DRAFT = unit(
            "FAQ-4",
            "FAQ-4",
            "faq",
            "en",
            "account",
            List.of("it", "account"),
            "DRAFT",
            "Password policy draft",
            "Passwords must have twelve characters.",
            List.of(),
            mix(0.8f, 0, 0.6f, 1));

    protected static final IndexDoc FAQ_5_NO_CATEGORY = unit(
            "FAQ-5",
            "FAQ-5",
            "faq",
            "zh",
            null,
            List.of(),
            PUBLISHED,
            "数据导出",
            "在报表页面点击导出，可以导出数据为CSV文件。",
            List.of(),
            axis(6));
    protected static final IndexDoc FAQ_6 = unit(
            "FAQ-6",
            "FAQ-6",
            "faq",
            "en",
            "profile",
            List.of("it", "account", "profile"),
            PUBLISHED,
            "Change your e-mail address",
            "Sign in with your password, open Profile and edit the address.",
            List.of(),
            axis(4));
    protected static final IndexDoc MAN_1_1 = section(1, "安装", "下载安装包并运行安装程序。", axis(7));
    protected static final IndexDoc MAN_1_2 = section(2, "备份", "每天凌晨备份数据库，备份文件保存七天。", axis(5));
    protected static final IndexDoc MAN_1_3 = section(3, "恢复", "从备份文件恢复数据：停止服务，复制文件，重新启动。", axis(8));
    protected static final IndexDoc CASE_1 = unit(
            "CASE-1",
            "CASE-1",
            "case",
            "en",
            "network",
            List.of("it", "network"),
            PUBLISHED,
            "Printer offline after Windows update",
            "Symptom: the printer shows offline. Cause: the update removed the driver. Resolution: reinstall the"
                    + " printer driver.",
            List.of("printer"),
            axis(3));

    protected static final List<IndexDoc> CORPUS =
            List.of(FAQ_1, FAQ_2, FAQ_3, FAQ_4_DRAFT, FAQ_5_NO_CATEGORY, FAQ_6, MAN_1_1, MAN_1_2, MAN_1_3, CASE_1);
    protected static final List<String> ARTICLES =
            List.of("FAQ-1", "FAQ-2", "FAQ-3", "FAQ-4", "FAQ-5", "FAQ-6", "MAN-1", "CASE-1");

    /** cos 0.8 with FAQ-1, 0.6 with FAQ-2, 1 with the draft FAQ-4, 0 with the other English units. */
    protected static final float[] EN_QUERY_VECTOR = mix(0.8f, 0, 0.6f, 1);

    @TempDir
    protected Path dir;

    protected SearchEngine engine;

    /** Opens the engine's index kept under {@code dir}, creating it when missing. */
    protected abstract SearchEngine newEngine(Path dir) throws IOException;

    @BeforeEach
    void loadCorpus() throws IOException {
        engine = newEngine(dir);
        engine.replace(ARTICLES, CORPUS);
    }

    @AfterEach
    void closeEngine() throws IOException {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldRankChineseUnitsByBm25OverTitleBodyAndTags() throws IOException {
        Candidates c = engine.candidates(query("备份数据库"), 10);

        // MAN-1~1 has 数据库 in its title and tags, FAQ-5 has only 数据 (title and body)
        assertThat(ids(c.lexical())).containsExactly("MAN-1~2", "MAN-1~3", "MAN-1~1", "FAQ-5");
        assertThat(c.lexicalTotal()).isEqualTo(4);
        assertThat(c.lexical()).extracting(Candidates.Scored::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(c.dense()).isEmpty();
    }

    @Test
    void shouldRankEnglishUnitsByBm25OverTitleBodyAndTags() throws IOException {
        Candidates c = engine.candidates(query("password reset"), 10);

        assertThat(ids(c.lexical())).containsExactly("FAQ-1", "FAQ-6");
        assertThat(c.lexicalTotal()).isEqualTo(2);
    }

    @Test
    void shouldCountEachFacetUnderTheOtherFacetsFiltersButNotItsOwn() throws IOException {
        Map<String, Map<String, Long>> unfiltered = Map.of(
                "type", Map.of("faq", 3L),
                "lang", Map.of("en", 2L, "zh", 1L),
                "category", Map.of("account", 2L, "profile", 1L));

        Candidates all = engine.candidates(query("密码 password"), 10);
        Candidates zh = engine.candidates(filtered("密码 password", null, null, "zh"), 10);
        Candidates account = engine.candidates(filtered("密码 password", null, List.of("account"), null), 10);
        Candidates profile = engine.candidates(filtered("密码 password", null, List.of("profile"), null), 10);
        Candidates manuals = engine.candidates(filtered("密码 password", "manual", null, null), 10);

        assertThat(ids(all.lexical())).containsExactlyInAnyOrder("FAQ-1", "FAQ-3", "FAQ-6");
        assertThat(ids(zh.lexical())).containsExactly("FAQ-3");
        assertThat(zh.lexicalTotal()).isEqualTo(1);
        assertThat(ids(account.lexical())).containsExactlyInAnyOrder("FAQ-1", "FAQ-3", "FAQ-6");
        assertThat(ids(profile.lexical())).containsExactly("FAQ-6");
        assertThat(ids(manuals.lexical())).isEmpty();
        assertThat(manuals.lexicalTotal()).isZero();
        assertThat(nonEmpty(all.facets())).isEqualTo(unfiltered);
        // lang=zh keeps every language in the lang facet, the others count the Chinese match only
        assertThat(nonEmpty(zh.facets()))
                .isEqualTo(Map.of(
                        "type", Map.of("faq", 1L),
                        "lang", Map.of("en", 2L, "zh", 1L),
                        "category", Map.of("account", 1L)));
        // the account subtree holds every match: nothing changes
        assertThat(nonEmpty(account.facets())).isEqualTo(unfiltered);
        assertThat(nonEmpty(profile.facets()))
                .isEqualTo(Map.of(
                        "type", Map.of("faq", 1L),
                        "lang", Map.of("en", 1L),
                        "category", Map.of("account", 2L, "profile", 1L)));
        // no manual matches: the type facet still offers the FAQs, the others are empty
        assertThat(nonEmpty(manuals.facets())).isEqualTo(Map.of("type", Map.of("faq", 3L)));
        // two filters: each facet is counted under the other one
        Candidates zhProfile = engine.candidates(filtered("密码 password", null, List.of("profile"), "zh"), 10);
        assertThat(zhProfile.lexical()).isEmpty();
        assertThat(nonEmpty(zhProfile.facets()))
                .isEqualTo(Map.of(
                        "lang", Map.of("en", 1L),
                        "category", Map.of("account", 1L)));
    }

    @Test
    void shouldLeaveUnitsWithoutCategoryOutOfTheCategoryFacet() throws IOException {
        Candidates c = engine.candidates(query("数据"), 10);

        assertThat(c.lexicalTotal()).isEqualTo(4);
        assertThat(nonEmpty(c.facets()))
                .isEqualTo(Map.of(
                        "type", Map.of("manual", 3L, "faq", 1L),
                        "lang", Map.of("zh", 4L),
                        "category", Map.of("database", 3L)));
    }

    @Test
    void shouldShowDraftsOnlyToCurators() throws IOException {
        Candidates visitor = engine.candidates(query("password"), 10);
        Candidates curator = engine.candidates(EngineQuery.lexical("password", true), 10);

        assertThat(ids(visitor.lexical())).containsExactlyInAnyOrder("FAQ-1", "FAQ-6");
        assertThat(visitor.lexicalTotal()).isEqualTo(2);
        assertThat(ids(curator.lexical())).containsExactlyInAnyOrder("FAQ-1", "FAQ-4", "FAQ-6");
        assertThat(curator.lexicalTotal()).isEqualTo(3);
    }

    @Test
    void shouldReturnTheSameBestCandidatesWhateverTheWindow() throws IOException {
        Candidates two = engine.candidates(query("数据 password"), 2);
        Candidates ten = engine.candidates(query("数据 password"), 10);

        assertThat(ten.lexical()).hasSize(6);
        assertThat(two.lexical()).containsExactlyElementsOf(ten.lexical().subList(0, 2));
        assertThat(two.lexicalTotal()).isEqualTo(ten.lexicalTotal()).isEqualTo(6);
        assertThat(two.facets()).isEqualTo(ten.facets());
    }

    @Test
    void shouldCountExactlyUpToTheLimitAndRankTheBestBeyondIt() throws IOException {
        int many = SearchEngine.COUNT_EXACTLY_UP_TO + 50;
        List<IndexDoc> bulk = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            bulk.add(unit(
                    "BULK-" + i,
                    "BULK-" + i,
                    i % 3 == 0 ? "case" : "faq",
                    "en",
                    i % 2 == 0 ? "printing" : "network",
                    List.of(i % 2 == 0 ? "printing" : "network"),
                    PUBLISHED,
                    "Spooler queue note " + i,
                    "The spooler queue was cleared on machine " + i + ".",
                    List.of(),
                    null));
        }
        bulk.add(unit(
                "BULK-TONER",
                "BULK-TONER",
                "faq",
                "en",
                "printing",
                List.of("printing"),
                PUBLISHED,
                "Spooler toner replacement",
                "Replace the spooler toner cartridge.",
                List.of("toner"),
                null));
        engine.replace(bulk.stream().map(IndexDoc::articleId).toList(), bulk);

        Candidates c = engine.candidates(query("spooler toner"), 10);

        assertThat(c.lexicalTotalExact()).isFalse();
        assertThat(c.lexicalTotal()).isGreaterThanOrEqualTo(SearchEngine.COUNT_EXACTLY_UP_TO);
        assertThat(c.lexical()).hasSize(10);
        assertThat(c.lexical().get(0).id()).isEqualTo("BULK-TONER");
        // beyond the limit the facets count the best window of matches
        assertThat(c.facets().get("type").values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(10);
        // and they do not depend on how deep the caller pages
        assertThat(engine.candidates(query("spooler toner"), 300).facets())
                .isEqualTo(engine.candidates(query("spooler toner"), SearchEngine.FACETS_OVER_BEST)
                        .facets());
        Candidates filtered = engine.candidates(filtered("spooler toner", "case", null, null), 10);
        assertThat(filtered.lexical()).hasSize(10).allMatch(x -> x.id().startsWith("BULK-"));
        assertThat(filtered.lexicalTotal()).isEqualTo((many + 2) / 3);
        assertThat(filtered.lexicalTotalExact()).isTrue();
        // the cases' categories and languages are counted exactly; the type facet, beyond the limit
        // without its own filter, counts the best matches of all types, as the unfiltered search does
        assertThat(nonEmpty(filtered.facets()))
                .isEqualTo(Map.of(
                        "type", c.facets().get("type"),
                        "lang", Map.of("en", (long) (many + 2) / 3),
                        "category", Map.of("printing", 175L, "network", 175L)));

        Candidates few = engine.candidates(query("toner"), 10);
        assertThat(few.lexicalTotalExact()).isTrue();
        assertThat(ids(few.lexical())).containsExactly("BULK-TONER");
        assertThat(nonEmpty(few.facets()))
                .isEqualTo(Map.of(
                        "type", Map.of("faq", 1L), "lang", Map.of("en", 1L), "category", Map.of("printing", 1L)));
    }

    @Test
    void shouldShowAUnitToEveryoneOnceItIsPublishedAndHideItWhenArchived() throws IOException {
        IndexDoc draft = unit(
                "FAQ-9",
                "FAQ-9",
                "faq",
                "en",
                "network",
                List.of("network"),
                "DRAFT",
                "Proxy autoconfiguration",
                "Set the proxy autoconfiguration URL.",
                List.of(),
                null);
        engine.replace(List.of("FAQ-9"), List.of(draft));
        assertThat(engine.candidates(query("proxy"), 10).lexical()).isEmpty();
        assertThat(ids(engine.candidates(EngineQuery.lexical("proxy", true), 10).lexical()))
                .containsExactly("FAQ-9");

        engine.replace(List.of("FAQ-9"), List.of(withStatus(draft, PUBLISHED)));
        assertThat(ids(engine.candidates(query("proxy"), 10).lexical())).containsExactly("FAQ-9");
        assertThat(engine.candidates(query("proxy"), 10).lexicalTotal()).isEqualTo(1);

        engine.replace(List.of("FAQ-9"), List.of(withStatus(draft, "ARCHIVED")));
        assertThat(engine.candidates(query("proxy"), 10).lexical()).isEmpty();
        assertThat(engine.candidates(query("proxy"), 10).lexicalTotal()).isZero();
    }

    @Test
    void shouldReplaceIdempotentlyAndDeleteUnitsByArticle() throws IOException {

        engine.replace(List.of("FAQ-1"), List.of(FAQ_1));
        engine.replace(List.of("FAQ-1"), List.of(FAQ_1));
        engine.replace(List.of("MAN-1"), List.of(MAN_1_1, MAN_1_2));
        engine.replace(List.of("FAQ-5"), List.of());

        // scores may shift: deleted documents linger in term statistics until segments merge
        assertThat(ids(engine.candidates(query("password reset"), 10).lexical()))
                .containsExactly("FAQ-1", "FAQ-6");
        assertThat(engine.candidates(query("password reset"), 10).lexicalTotal())
                .isEqualTo(2);
        assertThat(engine.candidates(query("数据"), 10).lexical())
                .extracting(Candidates.Scored::id)
                .containsExactlyInAnyOrder("MAN-1~1", "MAN-1~2");
        assertThat(engine.hits(List.of("MAN-1~3", "FAQ-5", "MAN-1~2"), query("数据")))
                .extracting(SearchResult.Hit::id)
                .containsExactly("MAN-1~2");
        assertThat(engine.articleCount()).isEqualTo(7);
    }

    @Test
    void shouldMatchSynonymExpansionsAsPhrases() throws IOException {
        EngineQuery zh = new EngineQuery("口令", List.of("密码"), false, null, null, null, null, null, false);
        EngineQuery en = new EngineQuery("passcode", List.of("password"), false, null, null, null, null, null, false);

        assertThat(engine.candidates(query("口令"), 10).lexical()).isEmpty();
        assertThat(ids(engine.candidates(zh, 10).lexical())).containsExactly("FAQ-3");
        assertThat(ids(engine.candidates(en, 10).lexical())).containsExactly("FAQ-1", "FAQ-6");
    }

    @Test
    void shouldMatchTyposOnlyWhenAskedForFuzzyMatching() throws IOException {
        assertThat(engine.candidates(query("pasword"), 10).lexicalTotal()).isZero();

        Candidates fuzzy = engine.candidates(query("pasword").withFuzzy(), 10);

        assertThat(ids(fuzzy.lexical())).containsExactly("FAQ-1", "FAQ-6");
    }

    @Test
    void shouldFindNearestNeighboursOfTheQueryLanguageWithFiltersAsCosines() throws IOException {
        Candidates visitor = engine.candidates(vector("vpn", EN_QUERY_VECTOR, "en", null, null, false), 2);
        Candidates curator = engine.candidates(vector("vpn", EN_QUERY_VECTOR, "en", null, null, true), 2);
        Candidates network =
                engine.candidates(vector("vpn", EN_QUERY_VECTOR, "en", null, List.of("network"), false), 2);
        Candidates cases = engine.candidates(vector("vpn", EN_QUERY_VECTOR, "en", "case", null, false), 2);
        Candidates zh = engine.candidates(vector("备份", axis(5), "zh", null, null, false), 10);

        assertThat(ids(visitor.dense())).containsExactly("FAQ-1", "FAQ-2");
        assertThat(visitor.dense().get(0).score()).isCloseTo(0.8f, within(1e-4f));
        assertThat(visitor.dense().get(1).score()).isCloseTo(0.6f, within(1e-4f));
        assertThat(ids(visitor.lexical())).containsExactly("FAQ-2");
        assertThat(ids(curator.dense())).containsExactly("FAQ-4", "FAQ-1");
        assertThat(curator.dense().get(0).score()).isCloseTo(1f, within(1e-4f));
        assertThat(ids(network.dense())).containsExactly("FAQ-2", "CASE-1");
        assertThat(network.dense().get(1).score()).isCloseTo(0f, within(1e-4f));
        assertThat(ids(cases.dense())).containsExactly("CASE-1");
        assertThat(ids(zh.dense()))
                .startsWith("MAN-1~2")
                .containsExactlyInAnyOrder("MAN-1~2", "MAN-1~1", "MAN-1~3", "FAQ-3", "FAQ-5");
        assertThat(zh.dense().get(0).score()).isCloseTo(1f, within(1e-4f));
        assertThat(zh.dense().get(1).score()).isCloseTo(0f, within(1e-4f));
    }

    @Test
    void shouldReturnHitsInTheGivenOrderWithEscapedHighlightedSnippets() throws IOException {
        List<SearchResult.Hit> hits = engine.hits(List.of("FAQ-2", "MAN-1~3", "NOPE", "FAQ-1", "FAQ-5"), query("MTU"));

        assertThat(hits).extracting(SearchResult.Hit::id).containsExactly("FAQ-2", "MAN-1~3", "FAQ-1", "FAQ-5");
        assertThat(hits.get(0).snippet())
                .contains("<em>MTU</em>")
                .contains("&lt;b&gt;")
                .contains("&amp;")
                .doesNotContain("<b>");
        assertThat(hits.get(1))
                .isEqualTo(new SearchResult.Hit(
                        "MAN-1~3",
                        "MAN-1",
                        "manual",
                        "数据库手册 › 恢复",
                        "从备份文件恢复数据：停止服务，复制文件，重新启动。",
                        "database",
                        "zh",
                        PUBLISHED,
                        0f));
        assertThat(hits.get(2).snippet()).isEqualTo(FAQ_1.body());
        assertThat(hits.get(3).category()).isNull();
    }

    @Test
    void shouldEscapeSnippetsWithoutHighlightsAndHighlightChineseAndExpansions() throws IOException {
        EngineQuery expanded = new EngineQuery("口令", List.of("密码"), false, null, null, null, null, null, false);

        String plain = engine.hits(List.of("FAQ-2"), query("printer")).get(0).snippet();
        String zh = engine.hits(List.of("MAN-1~2"), query("备份")).get(0).snippet();
        String synonym = engine.hits(List.of("FAQ-3"), expanded).get(0).snippet();

        assertThat(plain)
                .startsWith("If the VPN drops every few minutes")
                .contains("&lt;b&gt;MTU&lt;")
                .contains("&amp;")
                .doesNotContain("<em>");
        // the matched word (a bigram), never its characters one by one
        assertThat(zh)
                .contains("<em>备份</em>")
                .doesNotContain("<em>备</em>")
                .doesNotContain("<em>份</em>")
                .doesNotContain("<em>数</em>");
        assertThat(synonym).contains("<em>密");
    }

    @Test
    void shouldSuggestTitlesByPrefixBestFirst() throws IOException {
        assertThat(engine.suggest("How to res", false, 5)).containsExactly("How to reset a password");
        assertThat(engine.suggest("数据", false, 5)).containsExactly("数据导出", "数据库手册 › 安装", "数据库手册 › 备份", "数据库手册 › 恢复");
        assertThat(engine.suggest("数据", false, 2)).containsExactly("数据导出", "数据库手册 › 安装");
        assertThat(engine.suggest("Password pol", false, 5)).isEmpty();
        assertThat(engine.suggest("Password pol", true, 5)).containsExactly("Password policy draft");
        assertThat(engine.suggest("How to rez", false, 5)).isEmpty();
    }

    @Test
    void shouldSuggestBetterSpellingsFromIndexedWords() throws IOException {
        assertThat(engine.didYouMean("pasword")).contains("password");
        assertThat(engine.didYouMean("how to reset pasword")).contains("how to reset password");
        assertThat(engine.didYouMean("password")).isEmpty();
        assertThat(engine.didYouMean("数据")).isEqualTo(Optional.empty());
    }

    @Test
    void shouldCountArticlesNotUnits() throws IOException {
        assertThat(engine.articleCount()).isEqualTo(8);
    }

    @Test
    void shouldTreatQuerySyntaxAsTextAndStopWordsAsNothing() throws IOException {
        assertThatCode(() -> engine.candidates(query("title:x AND (y OR \"z~ b* \\"), 10))
                .doesNotThrowAnyException();
        assertThat(engine.candidates(query("the of and"), 10).lexicalTotal()).isZero();
    }

    @Test
    void shouldKeepServingTheOldIndexUntilARebuildCommits() throws IOException {
        SearchEngine.Rebuild rebuild = engine.beginRebuild();
        rebuild.stage(List.of(FAQ_1));

        assertThat(ids(engine.candidates(query("vpn"), 10).lexical())).containsExactly("FAQ-2");
        assertThat(engine.articleCount()).isEqualTo(8);

        rebuild.commit();

        assertThat(engine.candidates(query("vpn"), 10).lexical()).isEmpty();
        assertThat(ids(engine.candidates(query("password"), 10).lexical())).containsExactly("FAQ-1");
        assertThat(engine.articleCount()).isEqualTo(1);
        assertThat(engine.needsRebuild()).isFalse();
    }

    @Test
    void shouldKeepTheOldIndexWhenARebuildIsAborted() throws IOException {
        SearchEngine.Rebuild rebuild = engine.beginRebuild();
        rebuild.stage(List.of(FAQ_1));
        rebuild.abort();

        assertThat(ids(engine.candidates(query("vpn"), 10).lexical())).containsExactly("FAQ-2");
        assertThat(engine.articleCount()).isEqualTo(8);
        engine.beginRebuild().abort();
    }

    @Test
    void shouldApplyChangesMadeDuringARebuildToTheNewIndexToo() throws IOException {
        IndexDoc faq7 = unit(
                "FAQ-7",
                "FAQ-7",
                "faq",
                "en",
                "network",
                List.of("it", "network"),
                PUBLISHED,
                "Install the Wi-Fi profile",
                "Download the profile from the portal.",
                List.of(),
                null);
        SearchEngine.Rebuild rebuild = engine.beginRebuild();
        rebuild.stage(List.of(FAQ_1, FAQ_2));
        engine.replace(List.of("FAQ-7"), List.of(faq7));
        engine.replace(List.of("FAQ-2"), List.of());

        assertThat(ids(engine.candidates(query("profile"), 10).lexical())).contains("FAQ-7");

        // the rebuild read FAQ-2 before it was deleted: the deletion must win
        List<IndexDoc> rest = new ArrayList<>(CORPUS.subList(2, CORPUS.size()));
        rest.add(FAQ_2);
        rebuild.stage(rest);
        rebuild.commit();

        assertThat(ids(engine.candidates(query("profile"), 10).lexical())).containsExactlyInAnyOrder("FAQ-7", "FAQ-6");
        assertThat(engine.candidates(query("vpn"), 10).lexical()).isEmpty();
        assertThat(engine.articleCount()).isEqualTo(8);
    }

    @Test
    void shouldNeedARebuildOnlyWhenTheIndexWasCreated() throws IOException {
        Path fresh = dir.resolve("fresh");
        try (SearchEngine created = newEngine(fresh)) {
            assertThat(created.needsRebuild()).isTrue();
            created.replace(List.of("FAQ-1"), List.of(FAQ_1));
        }
        try (SearchEngine reopened = newEngine(fresh)) {
            assertThat(reopened.needsRebuild()).isFalse();
            assertThat(reopened.articleCount()).isEqualTo(1);
        }
    }

    // ---- fixtures

    protected static IndexDoc unit(
            String id,
            String articleId,
            String type,
            String lang,
            String category,
            List<String> categoryPath,
            String status,
            String title,
            String body,
            List<String> tags,
            float[] vector) {
        return new IndexDoc(
                id,
                articleId,
                id.equals(articleId) || id.endsWith("~1"),
                type,
                lang,
                category,
                categoryPath,
                status,
                title,
                body,
                tags,
                1_700_000_000_000L,
                sized(vector, lang));
    }

    /** bge-small-zh vectors have 512 dimensions, bge-small-en ones 384: pad the hand-made ones. */
    protected static float[] sized(float[] v, String lang) {
        return v == null ? null : java.util.Arrays.copyOf(v, "zh".equals(lang) ? 512 : 384);
    }

    private static IndexDoc section(int n, String heading, String body, float[] vector) {
        return unit(
                "MAN-1~" + n,
                "MAN-1",
                "manual",
                "zh",
                "database",
                List.of("it", "database"),
                PUBLISHED,
                "数据库手册 › " + heading,
                body,
                List.of("数据库"),
                vector);
    }

    /** The unit vector along axis {@code i}. */
    protected static float[] axis(int i) {
        float[] v = new float[384];
        v[i] = 1f;
        return v;
    }

    /** {@code a·e_i + b·e_j}, a unit vector when a² + b² = 1. */
    protected static float[] mix(float a, int i, float b, int j) {
        float[] v = new float[384];
        v[i] = a;
        v[j] = b;
        return v;
    }

    private static IndexDoc withStatus(IndexDoc d, String status) {
        return new IndexDoc(
                d.id(),
                d.articleId(),
                d.primary(),
                d.type(),
                d.lang(),
                d.category(),
                d.categoryPath(),
                status,
                d.title(),
                d.body(),
                d.tags(),
                d.updatedAt(),
                d.vector());
    }

    protected static EngineQuery query(String text) {
        return EngineQuery.lexical(text, false);
    }

    protected static EngineQuery filtered(String text, String type, List<String> categories, String lang) {
        return new EngineQuery(text, List.of(), false, null, null, type, categories, lang, false);
    }

    protected static EngineQuery vector(
            String text, float[] v, String lang, String type, List<String> categories, boolean curator) {
        return new EngineQuery(text, List.of(), false, sized(v, lang), lang, type, categories, null, curator);
    }

    protected static List<String> ids(List<Candidates.Scored> scored) {
        return scored.stream().map(Candidates.Scored::id).toList();
    }

    /** Facets without empty value maps (an engine may or may not list a facet with no values). */
    private static Map<String, Map<String, Long>> nonEmpty(Map<String, Map<String, Long>> facets) {
        Map<String, Map<String, Long>> copy = new HashMap<>();
        facets.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, Map.copyOf(v));
            }
        });
        return copy;
    }
}
