package org.kbportal.ui.client;

import java.util.List;

/** What changed between two versions of an article ({@code GET /api/articles/{id}/diff}). */
public record VersionDiff(
        String id, int from, int to, int added, int removed, List<SectionChange> sections, List<Hunk> hunks) {

    public VersionDiff {
        sections = sections == null ? List.of() : List.copyOf(sections);
        hunks = hunks == null ? List.of() : List.copyOf(hunks);
    }

    /** ADDED, REMOVED, CHANGED or UNCHANGED. */
    public record SectionChange(String change, String heading, Integer fromSection, Integer toSection) {}

    public record Hunk(int fromLine, int toLine, List<Line> lines) {}

    /** CONTEXT, ADDED or REMOVED. */
    public record Line(String op, String text) {}
}
