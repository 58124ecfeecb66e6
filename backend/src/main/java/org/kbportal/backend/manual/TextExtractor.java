package org.kbportal.backend.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text: sections start at numbered heading lines standing alone between blank lines ("1 概述",
 * "2.3 Backup", "第三章 安装", "一、准备") and at form feeds (page breaks); without either, the whole
 * text is one section.
 */
final class TextExtractor {

    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\.?|第[一二三四五六七八九十百\\d]{1,4}[章节部分篇]|[一二三四五六七八九十]{1,3}[、.])"
                    + "\\s*\\S.{0,78}$");

    private TextExtractor() {}

    static ExtractedDocument extract(String raw, String fallbackHeading) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace("\f", "\n\n\f\n\n");
        String[] blocks = text.split("\\n\\s*\\n");
        List<ExtractedDocument.Section> sections = new ArrayList<>();
        StringBuilder intro = new StringBuilder();
        StringBuilder body = null;
        String heading = null;
        int level = 1;
        for (String block : blocks) {
            String b = block.strip();
            if (b.isEmpty() || b.equals("\f")) {
                continue;
            }
            Matcher m = NUMBERED.matcher(b);
            if (!b.contains("\n") && m.matches()) {
                if (heading != null) {
                    sections.add(new ExtractedDocument.Section(heading, level, null, PlainText.tidy(body.toString())));
                }
                heading = b;
                level = m.group(1) == null ? 1 : Math.min(3, m.group(1).split("\\.").length);
                body = new StringBuilder();
            } else {
                (body == null ? intro : body).append(ManualMarkdown.escape(b)).append("\n\n");
            }
        }
        if (heading != null) {
            sections.add(new ExtractedDocument.Section(heading, level, null, PlainText.tidy(body.toString())));
        }
        String introText = PlainText.tidy(intro.toString());
        if (sections.isEmpty()) {
            if (introText.isEmpty()) {
                throw DocumentProblems.noText(DocumentFormat.TEXT);
            }
            return new ExtractedDocument(
                    null, null, "", List.of(new ExtractedDocument.Section(fallbackHeading, 1, null, introText)));
        }
        return new ExtractedDocument(null, null, introText, sections);
    }
}
