package org.kbportal.backend.manual;

import java.util.Locale;
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
