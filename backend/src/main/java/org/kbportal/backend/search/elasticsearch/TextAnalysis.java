package org.kbportal.backend.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.analysis.TokenFilter;
import co.elastic.clients.elasticsearch.indices.IndexSettingsAnalysis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text analyzer the node can build, closest to the embedded engine's {@code KbAnalyzer}: standard
 * tokenizer (Han text as single characters) → English possessive → CJK width folding → lowercase →
 * English stop words → Porter stemming. Minimal nodes (the integ-test distribution) lack the
 * analysis-common module, so each filter is probed with {@code _analyze} and the missing ones are left
 * out; without even {@code lowercase} the built-in {@code standard} analyzer is used.
 *
 * @param filters the custom analyzer's filters in order (names of built-in filters or of {@link
 *     #POSSESSIVE} / {@link #STOP}), empty for the {@code standard} fallback
 * @param missing wanted filters the node does not have
 */
record TextAnalysis(List<String> filters, List<String> missing) {

    /** The analyzer name used in the mapping for title, body and tags. */
    static final String ANALYZER = "kb_text";

    static final String POSSESSIVE = "kb_possessive";
    static final String STOP = "kb_english_stop";

    private static final List<String> WANTED = List.of(POSSESSIVE, "cjk_width", "lowercase", STOP, "porter_stem");

    TextAnalysis {
        filters = List.copyOf(filters);
        missing = List.copyOf(missing);
    }

    /** Asks the node which of the wanted token filters it has. */
    static TextAnalysis probe(ElasticsearchClient client) throws IOException {
        List<String> have = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String filter : WANTED) {
            (available(client, filter) ? have : missing).add(filter);
        }
        if (!have.contains("lowercase")) {
            missing.addAll(have);
            have.clear();
        }
        return new TextAnalysis(have, missing);
    }

    private static boolean available(ElasticsearchClient client, String filter) throws IOException {
        try {
            client.indices()
                    .analyze(a -> a.tokenizer(t -> t.name("standard"))
                            .filter(definition(filter))
                            .text("Ｔhe user's Restarting 数据"));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                return false;
            }
            throw e;
        }
    }

    private static TokenFilter definition(String filter) {
        return switch (filter) {
            case POSSESSIVE -> TokenFilter.of(f -> f.definition(d -> d.stemmer(s -> s.language("possessive_english"))));
            case STOP -> TokenFilter.of(f -> f.definition(d -> d.stop(s -> s.stopwords("_english_"))));
            default -> TokenFilter.of(f -> f.name(filter));
        };
    }

    boolean custom() {
        return !filters.isEmpty();
    }

    /** The analyzer name to put in the mapping. */
    String analyzerName() {
        return custom() ? ANALYZER : "standard";
    }

    /** The {@code analysis} index settings defining {@link #ANALYZER} (empty for the fallback). */
    IndexSettingsAnalysis settings() {
        return IndexSettingsAnalysis.of(a -> {
            if (custom()) {
                if (filters.contains(POSSESSIVE)) {
                    a.filter(POSSESSIVE, definition(POSSESSIVE));
                }
                if (filters.contains(STOP)) {
                    a.filter(STOP, definition(STOP));
                }
                a.analyzer(
                        ANALYZER, an -> an.custom(c -> c.tokenizer("standard").filter(filters)));
            }
            return a;
        });
    }

    /** A stable one-line description, also stored in the index's {@code _meta} to detect changes. */
    String description() {
        String chain = custom()
                ? ANALYZER + " = standard tokenizer → "
                        + String.join(
                                " → ", filters.stream().map(TextAnalysis::label).toList())
                : "standard";
        return missing.isEmpty()
                ? chain
                : chain + " (node lacks "
                        + String.join(
                                ", ", missing.stream().map(TextAnalysis::label).toList()) + ")";
    }

    private static String label(String filter) {
        return switch (filter) {
            case POSSESSIVE -> "possessive_english";
            case STOP -> "stop(_english_)";
            default -> filter;
        };
    }
}
