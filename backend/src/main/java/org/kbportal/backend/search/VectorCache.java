package org.kbportal.backend.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stored embeddings keyed by unit id and a hash of the model and the text they were made from. */
@Component
class VectorCache {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    VectorCache(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** unit id → (hash, vector) for the given ids that have one. */
    Mono<Map<String, Cached>> find(Collection<String> unitIds) {
        if (unitIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT unit_id, text_hash, vector FROM unit_vector WHERE unit_id IN (:ids)")
                .bind("ids", unitIds)
                .map(r -> new Cached(
                        r.get("unit_id", String.class),
                        r.get("text_hash", String.class),
                        decode(r.get("vector", String.class))))
                .all()
                .collectMap(Cached::unitId, c -> c, HashMap::new);
    }

    Mono<Void> store(List<Cached> vectors) {
        if (vectors.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("DELETE FROM unit_vector WHERE unit_id IN (:ids)")
                .bind("ids", vectors.stream().map(Cached::unitId).toList())
                .then()
                .thenMany(Flux.fromIterable(vectors)
                        .concatMap(
                                v -> db.sql("INSERT INTO unit_vector (unit_id, text_hash, vector) VALUES (:id, :h, :v)")
                                        .bind("id", v.unitId())
                                        .bind("h", v.hash())
                                        .bind("v", encode(v.vector()))
                                        .then()))
                .then()
                .as(tx::transactional);
    }

    record Cached(String unitId, String hash, float[] vector) {}

    static String hash(String lang, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("bge-small-" + lang + "-v1.5-q\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (float f : v) {
            b.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static float[] decode(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        float[] v = new float[b.remaining() / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }
}
