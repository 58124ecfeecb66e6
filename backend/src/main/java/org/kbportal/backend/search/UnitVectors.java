package org.kbportal.backend.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Attaches embeddings to units: a unit whose text is unchanged takes its vector from the {@link
 * VectorCache}; the rest are embedded (by language, in batches) and cached.
 */
@Component
record UnitVectors(Embedder embedder, VectorCache vectors) {

    /** Units with their vectors: from the cache when the text is unchanged, else embedded and cached. */
    Mono<List<IndexDoc>> attach(List<IndexDoc> docs) {
        if (!embedder.enabled() || docs.isEmpty()) {
            return Mono.just(docs);
        }
        return vectors.find(docs.stream().map(IndexDoc::id).toList())
                .flatMap(cached -> IndexIo.call(() -> {
                    IndexDoc[] out = docs.toArray(IndexDoc[]::new);
                    Map<String, List<Integer>> missing = new HashMap<>();
                    List<VectorCache.Cached> fresh = new ArrayList<>();
                    for (int i = 0; i < out.length; i++) {
                        IndexDoc d = out[i];
                        VectorCache.Cached c = cached.get(d.id());
                        if (c != null && c.hash().equals(VectorCache.hash(d.lang(), passage(d)))) {
                            out[i] = d.withVector(c.vector());
                        } else {
                            missing.computeIfAbsent(d.lang(), k -> new ArrayList<>())
                                    .add(i);
                        }
                    }
                    missing.forEach((lang, positions) -> {
                        List<String> texts =
                                positions.stream().map(i -> passage(out[i])).toList();
                        List<float[]> vs = embedder.embedPassages(texts, lang);
                        for (int k = 0; k < positions.size(); k++) {
                            IndexDoc d = out[positions.get(k)];
                            out[positions.get(k)] = d.withVector(vs.get(k));
                            fresh.add(new VectorCache.Cached(d.id(), VectorCache.hash(lang, texts.get(k)), vs.get(k)));
                        }
                    });
                    return new Object[] {List.of(out), fresh};
                }))
                .flatMap(pair -> {
                    @SuppressWarnings("unchecked")
                    List<VectorCache.Cached> fresh = (List<VectorCache.Cached>) pair[1];
                    @SuppressWarnings("unchecked")
                    List<IndexDoc> result = (List<IndexDoc>) pair[0];
                    return vectors.store(fresh).thenReturn(result);
                });
    }

    /** Units with the vectors already known for their current text; no embedding on this path. */
    Mono<List<IndexDoc>> cached(List<IndexDoc> docs) {
        if (!embedder.enabled() || docs.isEmpty()) {
            return Mono.just(docs);
        }
        return vectors.find(docs.stream().map(IndexDoc::id).toList())
                .map(cached -> docs.stream()
                        .map(d -> {
                            VectorCache.Cached c = cached.get(d.id());
                            return c != null && c.hash().equals(VectorCache.hash(d.lang(), passage(d)))
                                    ? d.withVector(c.vector())
                                    : d;
                        })
                        .toList());
    }

    /** What a unit's vector stands for: its title (the question) and the start of its text. */
    static String passage(IndexDoc d) {
        return d.body().isBlank() ? d.title() : d.title() + "\n" + d.body();
    }
}
