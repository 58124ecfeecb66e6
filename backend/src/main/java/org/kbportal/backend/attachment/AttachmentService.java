package org.kbportal.backend.attachment;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.kbportal.backend.article.ArticleService;
import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.files.StoredFile;
import org.kbportal.backend.files.UploadPolicy;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files attached to articles. Storage, size limit, sniffing and name sanitising are the file
 * store's; this adds which article a file belongs to and that readers only reach attachments of
 * articles they may read.
 */
@Service
public class AttachmentService {

    private final ArticleService articles;
    private final FileStore files;
    private final AttachmentRepository attachments;
    private final UploadPolicy policy;
    private final Clock clock;

    AttachmentService(
            ArticleService articles,
            FileStore files,
            AttachmentRepository attachments,
            KbProperties props,
            Clock clock) {
        this.articles = articles;
        this.files = files;
        this.attachments = attachments;
        Set<String> types = new HashSet<>();
        types.addAll(UploadPolicy.TEXT);
        types.addAll(UploadPolicy.DOCUMENTS);
        types.addAll(UploadPolicy.ARCHIVES);
        types.addAll(UploadPolicy.IMAGES);
        this.policy = new UploadPolicy(props.attachments().maxUpload(), types);
        this.clock = clock;
    }

    /** Stores the file and attaches it; a rejected file leaves nothing behind. */
    public Mono<Attachment> attach(String articleId, FilePart part, String description, String by) {
        String note = description == null || description.isBlank() ? null : description.strip();
        if (note != null && note.length() > 500) {
            return Mono.error(KbException.badRequest("description-too-long", "At most 500 characters."));
        }
        return articles.get(articleId, true)
                .flatMap(article -> files.store(part, policy, "article", by)
                        .flatMap(file -> attachments
                                .insert(file.id(), article.id(), note, by, clock.instant())
                                .then(attachments.find(article.id(), file.id()))
                                .onErrorResume(e -> files.delete(file.id()).then(Mono.error(e)))));
    }

    public Flux<Attachment> list(String articleId, boolean curator) {
        return articles.get(articleId, curator).flatMapMany(a -> attachments.ofArticle(a.id()));
    }

    /** The stored file of an attachment of a readable article. */
    public Mono<StoredFile> file(String articleId, String fileId, boolean curator) {
        return articles.get(articleId, curator)
                .flatMap(a -> attachments.find(a.id(), fileId))
                .switchIfEmpty(Mono.error(() -> notFound(articleId, fileId)))
                .flatMap(a -> files.find(a.id()));
    }

    public Mono<Void> detach(String articleId, String fileId) {
        return attachments
                .delete(articleId, fileId)
                .flatMap(n -> n == 0 ? Mono.error(notFound(articleId, fileId)) : files.delete(fileId));
    }

    private static KbException notFound(String articleId, String fileId) {
        return KbException.notFound(
                "attachment-not-found", "Article '" + articleId + "' has no attachment '" + fileId + "'.");
    }
}
