package org.kbportal.backend.question;

import java.util.List;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.backend.system.KbException;
import org.kbportal.contract.question.QuestionDetail;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Question attachments: upload (multipart, parts named {@code file}), list, download. */
@RestController
class QuestionAttachmentController {

    private final QuestionAttachments attachments;

    QuestionAttachmentController(QuestionAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/api/questions/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<List<QuestionDetail.Attachment>> upload(
            @PathVariable long id,
            @RequestPart("file") Flux<FilePart> files,
            @RequestHeader(name = "Content-Length", required = false) Long length,
            Authentication auth) {
        // refuse a body that cannot fit before reading any of it
        if (length != null && length > attachments.maxRequestBytes()) {
            return Mono.error(new KbException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "file-too-large",
                    "File too large",
                    "The upload is larger than the attachments of one question may be."));
        }
        return attachments.attach((KbPrincipal) auth.getPrincipal(), id, files);
    }

    @GetMapping("/api/questions/{id}/attachments")
    Mono<List<QuestionDetail.Attachment>> list(@PathVariable long id, Authentication auth) {
        return attachments.list((KbPrincipal) auth.getPrincipal(), id);
    }

    @GetMapping("/api/questions/{id}/attachments/{fileId}")
    Mono<ResponseEntity<Resource>> download(@PathVariable long id, @PathVariable String fileId, Authentication auth) {
        return attachments.download((KbPrincipal) auth.getPrincipal(), id, fileId);
    }
}
