package org.kbportal.backend.attachment;

import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.system.KbException;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Attachments of articles: admins add and remove them, readers of the article download them. */
@RestController
class AttachmentController {

    private final AttachmentService attachments;
    private final FileStore files;

    AttachmentController(AttachmentService attachments, FileStore files) {
        this.attachments = attachments;
        this.files = files;
    }

    @PostMapping(path = "/api/admin/articles/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Attachment> attach(@PathVariable String id, ServerWebExchange exchange, Authentication auth) {
        return exchange.getMultipartData().flatMap(parts -> {
            if (!(parts.getFirst("file") instanceof FilePart file)) {
                return Mono.error(
                        KbException.badRequest("missing-file", "Send the file as the multipart part 'file'."));
            }
            String description = parts.getFirst("description") instanceof FormFieldPart f ? f.value() : null;
            return attachments.attach(id, file, description, auth.getName());
        });
    }

    @GetMapping("/api/articles/{id}/attachments")
    Flux<Attachment> list(@PathVariable String id, Authentication auth) {
        return attachments.list(id, isCurator(auth));
    }

    /** Always a download ({@code Content-Disposition: attachment}, {@code nosniff}), never rendered. */
    @GetMapping("/api/articles/{id}/attachments/{fileId}")
    Mono<ResponseEntity<Resource>> download(@PathVariable String id, @PathVariable String fileId, Authentication auth) {
        return attachments.file(id, fileId, isCurator(auth)).map(files::asAttachment);
    }

    @DeleteMapping("/api/admin/articles/{id}/attachments/{fileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> detach(@PathVariable String id, @PathVariable String fileId) {
        return attachments.detach(id, fileId);
    }

    private static boolean isCurator(Authentication auth) {
        return auth != null
                && auth.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_ADMIN"));
    }
}
