package org.kbportal.backend.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of a manual: the text under one heading. Its id is {@code <manual id>~<n>} so that a
 * search hit lands on the section and still starts with the manual's id.
 *
 * @param id unit id, {@code MANUAL-ID~3}
 * @param number 1-based position
 * @param heading the heading text (the manual title for text before the first heading)
 * @param body the Markdown under the heading
 */
public record ManualSection(String id, int number, String heading, String body) {

    public static final char SEPARATOR = '~';

    private static final Pattern HEADING = Pattern.compile("^(#{1,2})\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);

    /**
     * Splits at level-1 and level-2 ATX headings outside fenced code; text before the first heading
     * becomes an introduction section if it is not blank.
     */
    public static List<ManualSection> split(String manualId, String markdown) {
        List<int[]> headings = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Matcher m = HEADING.matcher(markdown);
        List<int[]> fences = fences(markdown);
        while (m.find()) {
            if (!insideFence(fences, m.start())) {
                headings.add(new int[] {m.start(), m.end()});
                titles.add(m.group(2));
            }
        }
        List<ManualSection> sections = new ArrayList<>();
        int firstStart = headings.isEmpty() ? markdown.length() : headings.get(0)[0];
        String intro = markdown.substring(0, firstStart).strip();
        if (!intro.isEmpty() || headings.isEmpty()) {
            sections.add(new ManualSection(manualId + SEPARATOR + 1, 1, "", intro));
        }
        for (int i = 0; i < headings.size(); i++) {
            int end = i + 1 < headings.size() ? headings.get(i + 1)[0] : markdown.length();
            String body = markdown.substring(headings.get(i)[1], end).strip();
            int n = sections.size() + 1;
            sections.add(new ManualSection(manualId + SEPARATOR + n, n, titles.get(i), body));
        }
        return sections;
    }

    /** The manual id of a section id, or the id itself. */
    public static String articleIdOf(String unitId) {
        int i = unitId.indexOf(SEPARATOR);
        return i < 0 ? unitId : unitId.substring(0, i);
    }

    private static List<int[]> fences(String markdown) {
        List<int[]> fences = new ArrayList<>();
        Matcher f = Pattern.compile("^(```|~~~)", Pattern.MULTILINE).matcher(markdown);
        int open = -1;
        while (f.find()) {
            if (open < 0) {
                open = f.start();
            } else {
                fences.add(new int[] {open, f.end()});
                open = -1;
            }
        }
        if (open >= 0) {
            fences.add(new int[] {open, markdown.length()});
        }
        return fences;
    }

    private static boolean insideFence(List<int[]> fences, int pos) {
        for (int[] f : fences) {
            if (pos > f[0] && pos < f[1]) {
                return true;
            }
        }
        return false;
    }
}
