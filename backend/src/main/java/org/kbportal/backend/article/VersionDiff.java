package org.kbportal.backend.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The difference between two versions of an article: changed lines in unified-diff hunks (three
 * lines of context) and, for manuals, which sections were added, removed or changed (sections are
 * matched by heading).
 *
 * @param id the article
 * @param from the older version compared
 * @param to the newer version compared
 * @param added lines only in {@code to}
 * @param removed lines only in {@code from}
 * @param sections section changes of a manual, in document order (empty for other types)
 * @param hunks the changed lines with context
 */
public record VersionDiff(
        String id, int from, int to, int added, int removed, List<SectionChange> sections, List<Hunk> hunks) {

    private static final int CONTEXT = 3;
    private static final Pattern MARKER = Pattern.compile("(?m)^<!-- kb:section[^>]*-->\\n");

    /** A section of a manual: ADDED, REMOVED, CHANGED or UNCHANGED, by heading. */
    public record SectionChange(String change, String heading, Integer fromSection, Integer toSection) {}

    /** Consecutive changed lines with context; line numbers are 1-based in each version's text. */
    public record Hunk(int fromLine, int toLine, List<Line> lines) {}

    /** One line: {@code op} is CONTEXT, ADDED or REMOVED. */
    public record Line(String op, String text) {}

    static VersionDiff between(ArticleVersion a, ArticleVersion b) {
        List<String> left = lines(a);
        List<String> right = lines(b);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(left, right).getDeltas();
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> d : deltas) {
            added += d.getTarget().size();
            removed += d.getSource().size();
        }
        List<SectionChange> sections = a.type() == ArticleType.MANUAL && b.type() == ArticleType.MANUAL
                ? sections(ManualSection.split(a.articleId(), a.body()), ManualSection.split(b.articleId(), b.body()))
                : List.of();
        return new VersionDiff(a.articleId(), a.version(), b.version(), added, removed, sections, hunks(left, deltas));
    }

    /** The text compared: the title, then the type's text parts, line by line. */
    static List<String> lines(ArticleVersion v) {
        List<String> out = new ArrayList<>();
        out.add("# " + v.title());
        out.add("");
        if (v.type() == ArticleType.CASE) {
            part(out, "[symptom]", v.symptom());
            part(out, "[cause]", v.cause());
            part(out, "[resolution]", v.resolution());
            part(out, "[system]", v.affectedSystem());
            part(out, "[notes]", v.body());
        } else {
            out.addAll(text(v.body()));
        }
        return out;
    }

    private static void part(List<String> out, String label, String text) {
        if (text != null && !text.isBlank()) {
            out.add(label);
            out.addAll(text(text));
            out.add("");
        }
    }

    private static List<String> text(String s) {
        // section markers of uploaded manuals are invisible in the page: not a change worth showing
        String visible =
                MARKER.matcher(s == null ? "" : s.replace("\r\n", "\n")).replaceAll("");
        return List.of(visible.split("\n", -1));
    }

    private static List<SectionChange> sections(List<ManualSection> a, List<ManualSection> b) {
        List<String> left = a.stream().map(ManualSection::heading).toList();
        List<String> right = b.stream().map(ManualSection::heading).toList();
        List<SectionChange> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(left, right).getDeltas()) {
            for (; i < d.getSource().getPosition(); i++, j++) {
                out.add(same(a.get(i), b.get(j)));
            }
            if (d.getType() != DeltaType.INSERT) {
                for (int k = 0; k < d.getSource().size(); k++, i++) {
                    out.add(new SectionChange(
                            "REMOVED", a.get(i).heading(), a.get(i).number(), null));
                }
            }
            if (d.getType() != DeltaType.DELETE) {
                for (int k = 0; k < d.getTarget().size(); k++, j++) {
                    out.add(new SectionChange(
                            "ADDED", b.get(j).heading(), null, b.get(j).number()));
                }
            }
        }
        for (; i < a.size() && j < b.size(); i++, j++) {
            out.add(same(a.get(i), b.get(j)));
        }
        return out;
    }

    private static SectionChange same(ManualSection x, ManualSection y) {
        boolean equal = Objects.equals(x.body(), y.body()) && Objects.equals(x.page(), y.page());
        return new SectionChange(equal ? "UNCHANGED" : "CHANGED", y.heading(), x.number(), y.number());
    }

    private static List<Hunk> hunks(List<String> left, List<AbstractDelta<String>> deltas) {
        List<Hunk> hunks = new ArrayList<>();
        int i = 0;
        while (i < deltas.size()) {
            int j = i;
            while (j + 1 < deltas.size()
                    && deltas.get(j + 1).getSource().getPosition()
                                    - end(deltas.get(j).getSource())
                            <= 2 * CONTEXT) {
                j++;
            }
            Chunk<String> firstSource = deltas.get(i).getSource();
            int fromStart = Math.max(0, firstSource.getPosition() - CONTEXT);
            int fromEnd = Math.min(left.size(), end(deltas.get(j).getSource()) + CONTEXT);
            int toStart = deltas.get(i).getTarget().getPosition() - (firstSource.getPosition() - fromStart);
            List<Line> lines = new ArrayList<>();
            int pos = fromStart;
            for (int k = i; k <= j; k++) {
                AbstractDelta<String> d = deltas.get(k);
                for (; pos < d.getSource().getPosition(); pos++) {
                    lines.add(new Line("CONTEXT", left.get(pos)));
                }
                d.getSource().getLines().forEach(l -> lines.add(new Line("REMOVED", l)));
                d.getTarget().getLines().forEach(l -> lines.add(new Line("ADDED", l)));
                pos = end(d.getSource());
            }
            for (; pos < fromEnd; pos++) {
                lines.add(new Line("CONTEXT", left.get(pos)));
            }
            hunks.add(new Hunk(fromStart + 1, toStart + 1, lines));
            i = j + 1;
        }
        return hunks;
    }

    private static int end(Chunk<String> chunk) {
        return chunk.getPosition() + chunk.size();
    }
}
