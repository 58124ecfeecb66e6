package org.kbportal.backend.files;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class FileRepository {

    private final DatabaseClient db;

    FileRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(StoredFile f, String relPath) {
        return db.sql("INSERT INTO stored_file (id, name, content_type, size_bytes, sha256, purpose, rel_path,"
                        + " created_by, created_at) VALUES (:id, :name, :type, :size, :sha, :purpose, :path, :by, :at)")
                .bind("id", f.id())
                .bind("name", f.name())
                .bind("type", f.contentType())
                .bind("size", f.size())
                .bind("sha", f.sha256())
                .bind("purpose", f.purpose())
                .bind("path", relPath)
                .bind("by", f.createdBy())
                .bind("at", OffsetDateTime.ofInstant(f.createdAt(), ZoneOffset.UTC))
                .then();
    }

    Mono<StoredFile> find(String id) {
        return db.sql("SELECT id, name, content_type, size_bytes, sha256, purpose, created_by, created_at"
                        + " FROM stored_file WHERE id = :id")
                .bind("id", id)
                .map(FileRepository::row)
                .one();
    }

    Mono<Long> delete(String id) {
        return db.sql("DELETE FROM stored_file WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated();
    }

    private static StoredFile row(Readable r) {
        return new StoredFile(
                r.get("id", String.class),
                r.get("name", String.class),
                r.get("content_type", String.class),
                r.get("size_bytes", Long.class),
                r.get("sha256", String.class),
                r.get("purpose", String.class),
                r.get("created_by", String.class),
                r.get("created_at", OffsetDateTime.class).toInstant());
    }
}
