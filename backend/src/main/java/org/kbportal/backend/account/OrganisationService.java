package org.kbportal.backend.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.kbportal.backend.system.KbException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Organisations as records. Names are stored with surrounding and repeated white space removed, and
 * a new or renamed organisation may not look like another one (same name ignoring case and white
 * space): {@code 409 urn:kb:organisation-exists}. Look-alikes migrated from the free-text era stay
 * distinct records, since merging them would have widened who sees whose questions.
 */
@Service
public class OrganisationService {

    private final OrganisationRepository repo;
    private final TransactionalOperator tx;
    private final Clock clock;

    OrganisationService(OrganisationRepository repo, TransactionalOperator tx, Clock clock) {
        this.repo = repo;
        this.tx = tx;
        this.clock = clock;
    }

    public Flux<Organisation> all() {
        return repo.findAll();
    }

    public Mono<Organisation> byId(long id) {
        return repo.findById(id)
                .switchIfEmpty(Mono.error(
                        () -> KbException.notFound("organisation-not-found", "No organisation with id " + id + ".")));
    }

    public Mono<Organisation> create(String rawName) {
        return named(rawName)
                .flatMap(name -> checkFree(name, null).then(Mono.defer(() -> repo.insert(name, clock.instant()))))
                .as(tx::transactional);
    }

    public Mono<Organisation> rename(long id, String rawName) {
        return named(rawName)
                .flatMap(name -> byId(id).flatMap(o -> checkFree(name, id).then(repo.rename(id, name))))
                .then(Mono.defer(() -> byId(id)))
                .as(tx::transactional);
    }

    /**
     * The organisation a name given by an older client stands for: the record with exactly that
     * name, else the one record that looks the same, else a new record; several look-alikes and no
     * exact match are {@code 409 urn:kb:organisation-ambiguous} (give {@code organisationId}).
     */
    public Mono<Organisation> resolve(String rawName) {
        return named(rawName)
                .flatMap(name -> repo.findAll().collectList().flatMap(all -> {
                    List<Organisation> exact =
                            all.stream().filter(o -> sameName(o.name(), name)).toList();
                    if (!exact.isEmpty()) {
                        return Mono.just(exact.getFirst());
                    }
                    List<Organisation> alike = all.stream()
                            .filter(o -> key(o.name()).equals(key(name)))
                            .toList();
                    if (alike.size() == 1) {
                        return Mono.just(alike.getFirst());
                    }
                    if (alike.size() > 1) {
                        return Mono.error(KbException.conflict(
                                "organisation-ambiguous",
                                "Several organisations look like '" + name + "'; give organisationId instead."));
                    }
                    return repo.insert(name, clock.instant());
                }));
    }

    private static Mono<String> named(String rawName) {
        return Mono.fromCallable(() -> normalise(rawName));
    }

    private Mono<Void> checkFree(String name, Long except) {
        return repo.findAll()
                .filter(o ->
                        (except == null || o.id() != except) && key(o.name()).equals(key(name)))
                .next()
                .flatMap(o -> Mono.<Void>error(KbException.conflict(
                        "organisation-exists",
                        "Organisation " + o.id() + " ('" + o.name() + "') already has this name.")));
    }

    /** Trimmed, inner white space (including the ideographic space) collapsed to one space. */
    static String normalise(String name) {
        String n = name == null ? "" : name.replaceAll("[\\s\\u3000]+", " ").strip();
        if (n.isEmpty() || n.length() > 200) {
            throw KbException.badRequest("invalid-organisation-name", "An organisation name has 1-200 characters.");
        }
        return n;
    }

    /** Equal once white space is normalised (case counts). */
    static boolean sameName(String stored, String name) {
        return stored.replaceAll("[\\s\\u3000]+", " ")
                .strip()
                .equals(name.replaceAll("[\\s\\u3000]+", " ").strip());
    }

    private static String key(String name) {
        return name.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
    }
}
