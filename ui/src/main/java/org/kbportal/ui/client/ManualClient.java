package org.kbportal.ui.client;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Manuals from documents, attachments and version diffs: uploads (multipart), extraction jobs,
 * the manual list, and streamed downloads of originals and attachments.
 */
@Component
public class ManualClient {

    private final RestClient http;

    public ManualClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /**
     * Uploads a document (ADMIN) and returns at once ({@code wait=0}): the job to follow, or the
     * finished result; a refused file throws its problem.
     */
    public ManualUpload upload(
            InputStream content, String fileName, String title, String category, String lang, String manualId) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new InputStreamResource(content)).filename(fileName);
        Map.of("title", nz(title), "category", nz(category), "lang", nz(lang), "manualId", nz(manualId))
                .forEach((k, v) -> {
                    if (!v.isBlank()) {
                        body.part(k, v);
                    }
                });
        return BackendCalls.call(() -> {
            var answer = http.post()
                    .uri("/api/admin/manuals?wait=0")
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(body.build())
                    .retrieve()
                    .toEntity(Map.class);
            if (answer.getStatusCode().value() == 202) {
                return job(String.valueOf(answer.getBody().get("jobId")));
            }
            Map<?, ?> r = answer.getBody();
            return ManualUpload.done(new ManualUpload.Result(
                    (String) r.get("id"),
                    (String) r.get("status"),
                    ((Number) r.get("sections")).intValue(),
                    ((Number) r.get("version")).intValue(),
                    r.get("pages") == null ? null : ((Number) r.get("pages")).intValue()));
        });
    }

    /** The state of an extraction job. */
    public ManualUpload job(String jobId) {
        return BackendCalls.call(() ->
                http.get().uri("/api/admin/manuals/jobs/{id}", jobId).retrieve().body(ManualUpload.class));
    }

    /** Manuals made from documents, most recently uploaded first (ADMIN). */
    public List<ManualEntry> manuals() {
        ManualEntry[] all = BackendCalls.call(
                () -> http.get().uri("/api/admin/manuals").retrieve().body(ManualEntry[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    /** The documents uploaded for a manual, newest first (empty for articles written in the portal). */
    public List<ManualEntry.Source> sources(String articleId) {
        ManualEntry.Source[] all = BackendCalls.call(() -> http.get()
                .uri("/api/articles/{id}/sources", articleId)
                .retrieve()
                .body(ManualEntry.Source[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    public List<ArticleAttachment> attachments(String articleId) {
        ArticleAttachment[] all = BackendCalls.call(() -> http.get()
                .uri("/api/articles/{id}/attachments", articleId)
                .retrieve()
                .body(ArticleAttachment[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    /** Attaches a file (ADMIN); the backend checks size and sniffed type. */
    public ArticleAttachment attach(String articleId, InputStream content, String fileName, String description) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new InputStreamResource(content)).filename(fileName);
        if (description != null && !description.isBlank()) {
            body.part("description", description);
        }
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/articles/{id}/attachments", articleId)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body.build())
                .retrieve()
                .body(ArticleAttachment.class));
    }

    public void detach(String articleId, String fileId) {
        BackendCalls.run(() -> http.delete()
                .uri("/api/admin/articles/{id}/attachments/{file}", articleId, fileId)
                .retrieve()
                .toBodilessEntity());
    }

    public VersionDiff diff(String articleId, int from, int to) {
        return BackendCalls.call(() -> http.get()
                .uri("/api/articles/{id}/diff?from={from}&to={to}", articleId, from, to)
                .retrieve()
                .body(VersionDiff.class));
    }

    /** The original document of a manual's {@code version}, for {@link BackendFiles}. */
    public BackendFiles.Request original(String articleId, int version) {
        return new BackendFiles.Request("/api/articles/" + articleId + "/file", Map.of("version", version));
    }

    /** An article's attachment, for {@link BackendFiles}. */
    public BackendFiles.Request attachment(String articleId, String fileId) {
        return BackendFiles.Request.of("/api/articles/" + articleId + "/attachments/" + fileId);
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
