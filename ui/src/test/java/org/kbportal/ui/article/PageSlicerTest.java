package org.kbportal.ui.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageSlicerTest {

    private final List<Integer> all = IntStream.range(0, 125).boxed().toList();
    private final List<String> calls = new ArrayList<>();

    private List<Integer> page(int page, int size) {
        calls.add(page + "/" + size);
        int from = Math.min(all.size(), page * size);
        return all.subList(from, Math.min(all.size(), from + size));
    }

    @Test
    void shouldFetchOnePageForAnAlignedWindow() {
        assertThat(PageSlicer.fetch(50, 50, this::page)).containsExactlyElementsOf(all.subList(50, 100));
        assertThat(calls).containsExactly("1/50");
    }

    @Test
    void shouldCutTwoPagesForAnUnalignedWindow() {
        assertThat(PageSlicer.fetch(30, 50, this::page)).containsExactlyElementsOf(all.subList(30, 80));
        assertThat(calls).containsExactly("0/50", "1/50");
    }

    @Test
    void shouldStopAtTheEnd() {
        assertThat(PageSlicer.fetch(120, 50, this::page)).containsExactly(120, 121, 122, 123, 124);
        assertThat(PageSlicer.fetch(200, 50, this::page)).isEmpty();
    }

    @Test
    void shouldNeverAskForMoreThanTheBackendAllows() {
        PageSlicer.fetch(0, 500, this::page);
        assertThat(calls).containsExactly("0/100");
    }
}
