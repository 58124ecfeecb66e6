package org.kbportal.backend.manual;

/** Told by an extractor how far it got (pages for PDFs, body elements for Word files). */
@FunctionalInterface
interface ExtractionProgress {

    ExtractionProgress NONE = (done, total) -> {};

    void update(int done, int total);
}
