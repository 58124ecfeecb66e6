package org.kbportal.backend.manual;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kbportal.backend.files.ContentSniffer;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;

/** The document formats a manual can be made from, recognised by the file name's extension. */
public enum DocumentFormat {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    HTML("text/html"),
    MARKDOWN("text/markdown"),
    TEXT("text/plain");

    private final String mediaType;

    DocumentFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The sniffed content types a file of this format may have (plain text for a .txt or .text file). */
    public Set<String> acceptedTypes() {
        return Set.copyOf(List.of(mediaType, "text/plain"));
    }

    /**
     * Checks that a file's bytes are this format, judged as the {@code FileStore} judges them when the original
     * is stored (so a parsed document is never refused afterwards): a 415 problem when they are not, a 422 one
     * for an encrypted Word file. Blocking.
     */
    public void check(Path file, String fileName) {
        if (this == DOCX && ContentSniffer.encryptedOffice(file)) {
            throw DocumentProblems.encrypted(this);
        }
        ContentSniffer.accept(file, fileName, acceptedTypes());
    }

    /** True for the formats whose content is text in some character set. */
    boolean isText() {
        return this == HTML || this == MARKDOWN || this == TEXT;
    }

    /** The format a file name says, or a 415 problem naming the accepted ones. */
    static DocumentFormat ofFileName(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "pdf" -> PDF;
            case "docx" -> DOCX;
            case "html", "htm" -> HTML;
            case "md", "markdown" -> MARKDOWN;
            case "txt", "text" -> TEXT;
            default ->
                throw new KbException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-file-type",
                        "Unsupported file type",
                        "'" + fileName + "' is not a PDF (.pdf), Word (.docx), HTML (.html), Markdown (.md) or text"
                                + " (.txt) file. Old Word files (.doc) must be saved as .docx first.");
        };
    }
}
