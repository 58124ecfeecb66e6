package org.kbportal.backend.manual;

import java.util.List;

/**
 * The text of an uploaded document, split into sections.
 *
 * @param title the document's own title (PDF metadata, Word "Title" style, HTML title), or null
 * @param pages the number of pages (PDF), or null for formats without pages
 * @param intro Markdown before the first heading, may be blank
 * @param sections the sections in document order
 */
record ExtractedDocument(String title, Integer pages, String intro, List<Section> sections) {

    /**
     * One section of the document.
     *
     * @param heading its heading text, never blank
     * @param level 1 to 3
     * @param page the page it starts on (PDF), else null
     * @param text the section's Markdown: the extracted text escaped, paragraphs separated by blank
     *     lines, tables as Markdown tables
     */
    record Section(String heading, int level, Integer page, String text) {}
}
