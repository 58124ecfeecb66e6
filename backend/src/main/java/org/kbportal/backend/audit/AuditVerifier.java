package org.kbportal.backend.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks the audit chain ({@link AuditChain}) from the retained anchor to the tip: each event's hashes
 * must be those of its content after its predecessor, and the tip recorded in {@code audit_chain} must
 * still be there. An edited event fails its own hashes, an inserted one has none (or wrong ones), a
 * deleted one breaks the link of its successor, and a deleted last event leaves the tip missing; the
 * first such event is {@code firstBroken}. Reads without locking, so appends go on meanwhile.
 */
@Service
public class AuditVerifier {

    private final AuditChain chain;
    private final DatabaseClient db;

    AuditVerifier(AuditChain chain, DatabaseClient db) {
        this.chain = chain;
        this.db = db;
    }

    /** The outcome: intact with the number of events checked, or the id of the first broken event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(boolean intact, Long records, Long firstBroken) {

        static Result ok(long n) {
            return new Result(true, n, null);
        }

        static Result broken(long id) {
            return new Result(false, null, id);
        }
    }

    /** Chains pending events first (see {@link AuditChain#sealPending}), then checks the whole chain. */
    public Mono<Result> verify() {
        return chain.sealPending().then(check(true));
    }

    private Mono<Result> check(boolean retry) {
        return chain.key()
                .flatMap(k -> chain.anchor()
                        .flatMap(a -> walk(k, a).flatMap(r -> {
                            if (r.intact() || !retry) {
                                return Mono.just(r);
                            }
                            // a purge may have moved the anchor while we read: then once more from the new one
                            return chain.anchor()
                                    .flatMap(now -> now.anchorId() != a.anchorId() ? check(false) : Mono.just(r));
                        })));
    }

    /** Mutable state of one walk along the chain. */
    private static final class Walk {
        String prev;
        long count;
        Long broken;
        boolean tipSeen;
    }

    private Mono<Result> walk(byte[] k, AuditChain.Anchor a) {
        Walk w = new Walk();
        w.prev = a.anchorHash();
        w.tipSeen = a.tipId() <= a.anchorId();
        return db.sql(
                        "SELECT id, occurred_at, actor, action, target, status, details, client_ip, chain_hash, outcome_mac"
                                + " FROM audit_event WHERE id > :anchor ORDER BY id")
                .bind("anchor", a.anchorId())
                .map(AuditChain::rowOf)
                .all()
                .takeWhile(r -> w.broken == null)
                .doOnNext(r -> {
                    if (!AuditChain.holds(k, w.prev, r)) {
                        w.broken = r.id();
                        return;
                    }
                    if (r.id() == a.tipId() && a.tipHash().equals(r.chainHash())) {
                        w.tipSeen = true;
                    }
                    w.prev = r.chainHash();
                    w.count++;
                })
                .then(Mono.fromSupplier(() -> w.broken != null
                        ? Result.broken(w.broken)
                        : w.tipSeen ? Result.ok(w.count) : Result.broken(a.tipId())));
    }
}
