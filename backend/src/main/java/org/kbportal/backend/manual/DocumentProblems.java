package org.kbportal.backend.manual;

import java.util.Map;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The problems an uploaded document can have; each leaves nothing stored. */
final class DocumentProblems {

    private DocumentProblems() {}

    static KbException tooLarge(DataSize limit) {
        return new KbException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "file-too-large",
                "File too large",
                "The file is larger than the limit of " + limit.toMegabytes() + " MB.",
                Map.of("limitBytes", limit.toBytes()));
    }

    static KbException mismatch(DocumentFormat named, String looksLike) {
        return new KbException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "file-type-mismatch",
                "File content does not match its name",
                "The file is named as " + named + " but its content looks like " + looksLike
                        + ". Upload the original document with its correct extension.");
    }

    static KbException corrupt(DocumentFormat format, String why) {
        return new KbException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "corrupt-document",
                "Unreadable document",
                "The " + format + " file could not be read (" + why + "). It may be damaged or incomplete.");
    }

    static KbException encrypted(DocumentFormat format) {
        return new KbException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "encrypted-document",
                "Encrypted document",
                "The " + format + " file is protected by a password or forbids copying its text. Remove the"
                        + " protection and upload it again.");
    }

    static KbException noText(DocumentFormat format) {
        return new KbException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "empty-document",
                "No text found",
                "The " + format + " file contains no text that could be extracted (a scanned document needs"
                        + " OCR first).");
    }

    static KbException tooLong(int maxChars) {
        return new KbException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "document-too-long",
                "Document too long",
                "The extracted text is longer than " + maxChars + " characters; split the document into parts.");
    }

    static KbException unknownEncoding() {
        return new KbException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "unknown-encoding",
                "Unknown character set",
                "The text is neither UTF-8, UTF-16 nor GB18030; save it as UTF-8.");
    }
}
