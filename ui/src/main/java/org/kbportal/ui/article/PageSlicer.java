package org.kbportal.ui.article;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Serves a grid's (offset, limit) window from an API that pages by (page, size). The grid usually
 * asks for aligned windows, but not always; then two pages are fetched and cut.
 */
final class PageSlicer {

    /** The backend refuses larger pages. */
    static final int MAX_SIZE = 100;

    private PageSlicer() {}

    static <T> List<T> fetch(int offset, int limit, BiFunction<Integer, Integer, List<T>> pages) {
        if (limit <= 0) {
            return List.of();
        }
        int size = Math.min(limit, MAX_SIZE);
        int first = offset / size;
        int skip = offset - first * size;
        List<T> items = new ArrayList<>(pages.apply(first, size));
        if (skip > 0 && items.size() == size) {
            items.addAll(pages.apply(first + 1, size));
        }
        if (skip >= items.size()) {
            return List.of();
        }
        return List.copyOf(items.subList(skip, Math.min(items.size(), skip + size)));
    }
}
