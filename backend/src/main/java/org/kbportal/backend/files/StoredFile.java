package org.kbportal.backend.files;

import java.time.Instant;

/**
 * A complete, immutable uploaded file.
 *
 * @param id random id (UUID), also the name of the bytes on disk
 * @param name the sanitised original file name, safe for {@code Content-Disposition}
 * @param contentType the type sniffed from the bytes (never the client's claim)
 * @param size bytes
 * @param sha256 lower-case hex digest of the bytes
 * @param purpose what the file belongs to ({@code question}, {@code article}, {@code manual}, ...)
 * @param createdBy user name of the uploader
 * @param createdAt when it was stored
 */
public record StoredFile(
        String id,
        String name,
        String contentType,
        long size,
        String sha256,
        String purpose,
        String createdBy,
        Instant createdAt) {}
