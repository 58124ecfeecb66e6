package org.kbportal.backend.report;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kbportal.contract.report.ServiceReport;

/**
 * Groups searches that say the same thing in different words. A query is normalised (NFKC, so
 * full-width letters and digits become plain ones; lower case; punctuation and filler words such as
 * 怎么/如何/吗/how/to removed) and analysed into terms (Latin words and digits whole, Chinese runs as
 * character bigrams, the way the search engines see them). Two queries are near-duplicates when
 * their terms mostly agree (Dice coefficient ≥ 0.6: 打印机卡纸 and 打印机老是卡纸 share 3 of 4 + 6
 * bigrams) or their compact forms differ by at most a
 * quarter of their length in edits (typos). Clusters grow greedily from the most frequent query.
 */
final class QueryClusters {

    private static final double MIN_DICE = 0.6;
    private static final double MAX_EDIT_RATIO = 0.25;
    private static final int MAX_VARIANTS = 10;
    private static final List<String> CJK_FILLERS =
            List.of("怎么办", "怎么样", "怎么", "如何", "怎样", "为什么", "什么", "一下", "请问", "的", "了", "吗", "呢", "啊");
    private static final Set<String> LATIN_FILLERS =
            Set.of("how", "to", "the", "a", "an", "do", "i", "can", "what", "why", "is", "of", "for", "in", "on");

    private QueryClusters() {}

    /** A query as searched, how often. */
    record Searched(String query, long count) {}

    static List<ServiceReport.QueryCluster> cluster(List<Searched> queries, int limit) {
        // the same normalised text is one entry, labelled by its most frequent spelling
        Map<String, Entry> byNorm = new LinkedHashMap<>();
        for (Searched s : queries) {
            String key = key(s.query());
            if (key.isEmpty()) {
                continue;
            }
            byNorm.computeIfAbsent(key, n -> new Entry(n, terms(normalise(s.query()))))
                    .add(s);
        }
        List<Entry> entries = new ArrayList<>(byNorm.values());
        entries.sort(Comparator.comparingLong(Entry::count).reversed().thenComparing(e -> e.norm));
        List<List<Entry>> clusters = new ArrayList<>();
        for (Entry e : entries) {
            List<Entry> home = null;
            for (List<Entry> c : clusters) {
                if (similar(c.get(0), e)) {
                    home = c;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(e);
        }
        return clusters.stream()
                .map(QueryClusters::toCluster)
                .sorted(Comparator.comparingLong(ServiceReport.QueryCluster::count)
                        .reversed()
                        .thenComparing(ServiceReport.QueryCluster::label))
                .limit(limit)
                .toList();
    }

    private static ServiceReport.QueryCluster toCluster(List<Entry> c) {
        long total = c.stream().mapToLong(Entry::count).sum();
        List<String> variants = new ArrayList<>();
        for (Entry e : c) {
            for (String v : e.spellingsByCount()) {
                if (variants.size() < MAX_VARIANTS && !variants.contains(v)) {
                    variants.add(v);
                }
            }
        }
        return new ServiceReport.QueryCluster(variants.get(0), total, variants);
    }

    static boolean similar(Entry a, Entry b) {
        return dice(a.terms, b.terms) >= MIN_DICE || editRatio(a.norm, b.norm) <= MAX_EDIT_RATIO;
    }

    static String normalise(String q) {
        String s =
                Normalizer.normalize(q == null ? "" : q, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = s.replaceAll("[\\p{P}\\p{S}]+", " ");
        for (String f : CJK_FILLERS) {
            s = s.replace(f, " ");
        }
        StringBuilder out = new StringBuilder();
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty() && !LATIN_FILLERS.contains(w)) {
                out.append(out.length() == 0 ? "" : " ").append(w);
            }
        }
        return out.toString();
    }

    /** Latin words and numbers whole, runs of Chinese characters as bigrams (a lone character as itself). */
    static Set<String> terms(String norm) {
        Set<String> terms = new HashSet<>();
        StringBuilder latin = new StringBuilder();
        StringBuilder han = new StringBuilder();
        for (int i = 0; i <= norm.length(); i++) {
            char ch = i < norm.length() ? norm.charAt(i) : ' ';
            boolean isHan = Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN;
            if (isHan) {
                flushLatin(latin, terms);
                han.append(ch);
            } else if (Character.isLetterOrDigit(ch)) {
                flushHan(han, terms);
                latin.append(ch);
            } else {
                flushLatin(latin, terms);
                flushHan(han, terms);
            }
        }
        return terms;
    }

    private static void flushLatin(StringBuilder b, Set<String> terms) {
        if (b.length() > 0) {
            terms.add(b.toString());
            b.setLength(0);
        }
    }

    private static void flushHan(StringBuilder b, Set<String> terms) {
        if (b.length() == 1) {
            terms.add(b.toString());
        }
        for (int i = 0; i + 1 < b.length(); i++) {
            terms.add(b.substring(i, i + 2));
        }
        b.setLength(0);
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String t : a) {
            if (b.contains(t)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }

    /** The normalised text without spaces: "VPN 连接失败" and "vpn连接失败" are one query. */
    static String key(String q) {
        return normalise(q).replace(" ", "");
    }

    /** Levenshtein distance over the longer length. */
    static double editRatio(String a, String b) {
        int max = Math.max(a.length(), b.length());
        if (max == 0) {
            return 0;
        }
        if (Math.abs(a.length() - b.length()) > max * MAX_EDIT_RATIO) {
            return 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return (double) prev[b.length()] / max;
    }

    /** One normalised text (its {@link #key}) and the spellings it was searched with. */
    static final class Entry {
        final String norm;
        final Set<String> terms;
        private final Map<String, Long> spellings = new LinkedHashMap<>();
        private long count;

        Entry(String norm, Set<String> terms) {
            this.norm = norm;
            this.terms = terms;
        }

        void add(Searched s) {
            spellings.merge(s.query().strip(), s.count(), Long::sum);
            count += s.count();
        }

        long count() {
            return count;
        }

        List<String> spellingsByCount() {
            return spellings.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }
}
