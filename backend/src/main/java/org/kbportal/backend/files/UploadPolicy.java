package org.kbportal.backend.files;

import java.util.Set;
import org.springframework.util.unit.DataSize;

/**
 * What one kind of upload accepts.
 *
 * @param maxSize largest accepted file
 * @param allowedTypes content types (as sniffed by {@link FileStore}) that are accepted
 */
public record UploadPolicy(DataSize maxSize, Set<String> allowedTypes) {

    /** Screenshots: PNG, JPEG, GIF, WebP. */
    public static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Text of any kind: logs, scripts, configuration, Markdown, CSV, JSON, XML, HTML. */
    public static final Set<String> TEXT = Set.of(
            "text/plain",
            "text/markdown",
            "text/csv",
            "text/html",
            "application/json",
            "application/xml",
            "application/x-sh");

    /** Office and PDF documents. */
    public static final Set<String> DOCUMENTS = Set.of(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/msword",
            "application/vnd.ms-excel");

    /** Archives. */
    public static final Set<String> ARCHIVES =
            Set.of("application/zip", "application/gzip", "application/x-7z-compressed");

    public UploadPolicy {
        allowedTypes = Set.copyOf(allowedTypes);
    }
}
