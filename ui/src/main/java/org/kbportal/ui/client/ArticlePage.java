package org.kbportal.ui.client;

import java.util.List;

/** One page of an article listing and the number of matching articles. */
public record ArticlePage(long total, List<Article> items) {

    public ArticlePage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
