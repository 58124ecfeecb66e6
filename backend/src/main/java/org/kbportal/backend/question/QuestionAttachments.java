package org.kbportal.backend.question;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.files.StoredFile;
import org.kbportal.backend.files.UploadPolicy;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.question.QuestionDetail;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Screenshots and logs attached to a question, when asking or later, by whoever may see it (the
 * asker's side and the experts working on it). Files go through the shared {@link FileStore} (size
 * limit while streaming, type sniffed from the bytes against {@link #ALLOWED}); downloads are
 * attachments, for the same people only. A closed question takes no more files.
 */
@Component
class QuestionAttachments {

    /** Screenshots, plain-text logs, PDF and ZIP. */
    static final Set<String> ALLOWED = allowed();

    private final QuestionAttachmentRepository repo;
    private final QuestionAccess access;
    private final QuestionStore store;
    private final FileStore files;
    private final KbProperties props;
    private final TransactionalOperator tx;
    private final Clock clock;

    QuestionAttachments(
            QuestionAttachmentRepository repo,
            QuestionAccess access,
            QuestionStore store,
            FileStore files,
            KbProperties props,
            TransactionalOperator tx,
            Clock clock) {
        this.repo = repo;
        this.access = access;
        this.store = store;
        this.files = files;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    private static Set<String> allowed() {
        Set<String> types = new HashSet<>(UploadPolicy.IMAGES);
        types.addAll(Set.of("text/plain", "application/pdf", "application/zip"));
        return Set.copyOf(types);
    }

    UploadPolicy policy() {
        return new UploadPolicy(props.questions().attachmentMaxSize(), ALLOWED);
    }

    /** The largest request body worth reading: every allowed file at full size, plus multipart framing. */
    long maxRequestBytes() {
        return props.questions().attachmentMaxCount()
                * (props.questions().attachmentMaxSize().toBytes() + 64 * 1024L);
    }

    /**
     * Stores the files and attaches them, all or none.
     *
     * @return every attachment of the question
     */
    Mono<List<QuestionDetail.Attachment>> attach(KbPrincipal who, long id, Flux<FilePart> parts) {
        int max = props.questions().attachmentMaxCount();
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (q.status() == QuestionStatus.CLOSED) {
                        return Mono.error(QuestionStatus.illegal("Question " + id + " is closed."));
                    }
                    boolean fromExpert = q.askerId() != c.id() && !QuestionAccess.sameOrg(c, q);
                    List<StoredFile> stored = new CopyOnWriteArrayList<>();
                    return repo.count(id)
                            .flatMap(existing -> parts.take(Math.max(1L, max - existing + 1L))
                                    .concatMap(p -> files.store(p, policy(), "question", c.username())
                                            .doOnNext(stored::add))
                                    .collectList()
                                    .flatMap(added -> {
                                        if (added.isEmpty()) {
                                            return Mono.error(KbException.badRequest(
                                                    "no-file", "Send the files as multipart parts named 'file'."));
                                        }
                                        if (existing + added.size() > max) {
                                            return Mono.error(KbException.badRequest(
                                                    "too-many-attachments",
                                                    "A question may have at most " + max + " attachments."));
                                        }
                                        return record(q, c, fromExpert, added);
                                    }))
                            .onErrorResume(e -> Flux.fromIterable(stored)
                                    .concatMap(f -> files.delete(f.id()).onErrorResume(x -> Mono.empty()))
                                    .then(Mono.error(e)));
                }))
                .then(repo.list(id).collectList());
    }

    private Mono<Void> record(Question q, Caller c, boolean fromExpert, List<StoredFile> added) {
        Instant now = clock.instant();
        String names = added.stream().map(StoredFile::name).collect(Collectors.joining(", "));
        return Flux.fromIterable(added)
                .concatMap(f -> repo.insert(q.id(), f.id(), c.id(), fromExpert, now))
                .then(store.event(q, "ATTACHMENT", c.id(), null, null, names, now))
                .as(tx::transactional);
    }

    /** The attachments of a question the caller may see. */
    Mono<List<QuestionDetail.Attachment>> list(KbPrincipal who, long id) {
        return access.caller(who)
                .flatMap(c -> access.visible(c, id))
                .flatMap(q -> repo.list(q.id()).collectList());
    }

    /** The file as a download; 404 unless the caller may see the question and the file is attached to it. */
    Mono<ResponseEntity<Resource>> download(KbPrincipal who, long id, String fileId) {
        return access.caller(who)
                .flatMap(c -> access.visible(c, id))
                .flatMap(q -> repo.find(q.id(), fileId))
                .switchIfEmpty(Mono.error(() -> KbException.notFound(
                        "attachment-not-found", "Question " + id + " has no attachment " + fileId + ".")))
                .flatMap(a -> files.find(fileId))
                .map(files::asAttachment);
    }
}
