package org.kbportal.backend.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.kbportal.backend.search.lucene.KbAnalyzer;

/**
 * The words of a text as the answer gate counts them: Latin words and numbers as the index analyses
 * them (lower case, stemmed, English stop words dropped), and Han text as overlapping character
 * bigrams within a run of Han characters — never single characters, which nearly every Chinese text
 * shares with any other. Bigrams made only of question and function words (什么, 怎么, 如何, 可以, ...)
 * are left out: they say nothing about the topic.
 */
public final class QueryWords {

    private static final Analyzer ANALYZER = new KbAnalyzer();
    private static final String IDEOGRAPHIC = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

    /** Bigrams of question and function words (bigrams across them, e.g. 么办, included). */
    static final Set<String> FUNCTION_BIGRAMS = Set.of(
            "什么", "是什", "么是", "为什", "怎么", "么办", "么样", "怎样", "如何", "为何", "哪些", "哪个", "哪里", "哪儿", "可以", "能否", "是否", "是不",
            "不是", "有没", "没有", "有什", "一个", "一下", "一些", "我们", "你们", "他们", "我的", "你的", "他的", "这个", "那个", "这样", "那样", "这是",
            "就是", "还是", "的是", "现在", "时候", "的话", "请问", "可能", "需要", "应该", "知道", "么会", "么能", "么才", "么去", "了吗", "的吗", "好吗",
            "么呢", "多少", "有哪", "哪种", "一般", "能不", "不能", "会不", "不会", "要怎", "该怎", "我想", "想要", "我要");

    private QueryWords() {}

    /** The distinct words of {@code text}, in order of appearance. */
    public static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (Set<String> unit : units(text)) {
            words.addAll(unit);
        }
        return words;
    }

    /**
     * What coverage counts, in order: each Latin word or number, and each Han character that belongs to a
     * counted bigram, as the set of words that cover it (the word itself; the bigrams the character is
     * part of). A character only in function-word bigrams, or alone in its run, is not counted.
     */
    public static List<Set<String>> units(String text) {
        List<Set<String>> units = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return units;
        }
        try (TokenStream ts = ANALYZER.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            List<String> run = new ArrayList<>();
            int previousEnd = -1;
            while (ts.incrementToken()) {
                boolean han = IDEOGRAPHIC.equals(type.type());
                if (!han || offset.startOffset() != previousEnd) {
                    addRun(run, units);
                }
                if (han) {
                    run.add(term.toString());
                } else {
                    units.add(Set.of(term.toString()));
                }
                previousEnd = offset.endOffset();
            }
            addRun(run, units);
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units;
    }

    /**
     * The units of one run of Han characters: bigrams that are function words or straddle one (in
     * 数据库怎么备份, 库怎 and 么备 are no words) are dropped; the run is emptied.
     */
    private static void addRun(List<String> run, List<Set<String>> units) {
        int n = run.size() - 1;
        boolean[] function = new boolean[Math.max(0, n)];
        for (int i = 0; i < n; i++) {
            function[i] = FUNCTION_BIGRAMS.contains(run.get(i) + run.get(i + 1));
        }
        boolean[] kept = new boolean[Math.max(0, n)];
        for (int i = 0; i < n; i++) {
            kept[i] = !function[i] && (i == 0 || !function[i - 1]) && (i == n - 1 || !function[i + 1]);
        }
        for (int c = 0; c < run.size(); c++) {
            Set<String> coveredBy = new LinkedHashSet<>();
            if (c > 0 && kept[c - 1]) {
                coveredBy.add(run.get(c - 1) + run.get(c));
            }
            if (c < n && kept[c]) {
                coveredBy.add(run.get(c) + run.get(c + 1));
            }
            if (!coveredBy.isEmpty()) {
                units.add(coveredBy);
            }
        }
        run.clear();
    }

    /** The Han bigrams among {@link #of}: what snippets highlight of Han text (never single characters). */
    public static List<String> hanBigrams(String text) {
        return of(text).stream().filter(w -> HAN.matcher(w).find()).toList();
    }

    /** The text with its Han characters blanked out: the Latin words and numbers left to highlight. */
    public static String withoutHan(String text) {
        return text == null ? "" : HAN.matcher(text).replaceAll(" ");
    }

    /** Adjacent highlights of overlapping bigrams ({@code <em>数据</em><em>库</em>}) read as one. */
    public static String joinHighlights(String snippet) {
        return snippet == null ? null : snippet.replace("</em><em>", "");
    }

    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");

    /**
     * The share of the query's units ({@link #units}) that {@code textWords} covers, in [0, 1]: a Latin
     * word when the text has it, a Han character when the text has one of its bigrams (so 账号锁定 is fully
     * covered by 账号被锁定, and 今天天气 not at all by a text that has each character somewhere). 0 when
     * the query has nothing the gate can count.
     */
    public static double coverage(List<Set<String>> queryUnits, Set<String> textWords) {
        if (queryUnits.isEmpty()) {
            return 0;
        }
        long covered = queryUnits.stream()
                .filter(u -> u.stream().anyMatch(textWords::contains))
                .count();
        return (double) covered / queryUnits.size();
    }
}
