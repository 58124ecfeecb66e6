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
 * @param page the page of the original document the section starts on (PDF uploads), else null
 */
public record ManualSection(String id, int number, String heading, String body, Integer page) {

    public static final char SEPARATOR = '~';

    private static final Pattern HEADING = Pattern.compile("^(#{1,2})\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);

    /**
     * The line that starts a section of a manual made from an uploaded document (see {@link
     * #marker(Integer)}): an HTML comment, invisible when the Markdown is rendered, followed by the
     * section's heading line at any level.
     */
    private static final Pattern MARKER = Pattern.compile(
            "^<!-- kb:section(?: page=(\\d{1,6}))? -->\\n(#{1,6})\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);

    private static final Pattern ESCAPED = Pattern.compile("\\\\([\\p{Punct}])");

    /** The marker line that makes the heading after it start a section (with its PDF page, if any). */
    public static String marker(Integer page) {
        return page == null ? "<!-- kb:section -->" : "<!-- kb:section page=" + page + " -->";
    }

    /**
     * Splits at level-1 and level-2 ATX headings outside fenced code; text before the first heading
     * becomes an introduction section if it is not blank. A manual made from an uploaded document
     * carries explicit section markers instead (its headings go down to level 3 and its sections
     * know their page): then it is split at the markers only.
     */
    public static List<ManualSection> split(String manualId, String markdown) {
        List<int[]> fences = fences(markdown);
        List<ManualSection> marked = splitAtMarkers(manualId, markdown, fences);
        if (marked != null) {
            return marked;
        }
        List<int[]> headings = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Matcher m = HEADING.matcher(markdown);
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
            sections.add(new ManualSection(manualId + SEPARATOR + 1, 1, "", intro, null));
        }
        for (int i = 0; i < headings.size(); i++) {
            int end = i + 1 < headings.size() ? headings.get(i + 1)[0] : markdown.length();
            String body = markdown.substring(headings.get(i)[1], end).strip();
            int n = sections.size() + 1;
            sections.add(new ManualSection(manualId + SEPARATOR + n, n, titles.get(i), body, null));
        }
        return sections;
    }

    /** Sections at the markers, or null when the manual has none. */
    private static List<ManualSection> splitAtMarkers(String manualId, String markdown, List<int[]> fences) {
        if (!markdown.contains("<!-- kb:section")) {
            return null;
        }
        record Marker(int start, int end, Integer page, String heading) {}
        List<Marker> found = new ArrayList<>();
        Matcher m = MARKER.matcher(markdown);
        while (m.find()) {
            if (!insideFence(fences, m.start())) {
                Integer page = m.group(1) == null ? null : Integer.valueOf(m.group(1));
                found.add(new Marker(m.start(), m.end(), page, unescape(m.group(3))));
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        List<ManualSection> sections = new ArrayList<>();
        String intro = markdown.substring(0, found.get(0).start()).strip();
        if (!intro.isEmpty()) {
            sections.add(new ManualSection(manualId + SEPARATOR + 1, 1, "", intro, null));
        }
        for (int i = 0; i < found.size(); i++) {
            Marker f = found.get(i);
            int end = i + 1 < found.size() ? found.get(i + 1).start() : markdown.length();
            int n = sections.size() + 1;
            String body = markdown.substring(f.end(), end).strip();
            sections.add(new ManualSection(manualId + SEPARATOR + n, n, f.heading(), body, f.page()));
        }
        return sections;
    }

    /** A heading as text: Markdown backslash escapes removed. */
    private static String unescape(String heading) {
        return ESCAPED.matcher(heading).replaceAll("$1");
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
