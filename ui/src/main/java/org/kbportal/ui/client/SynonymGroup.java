package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;

/**
 * A group of interchangeable search terms (蓝屏 ↔ BSOD ↔ blue screen): a search for one also finds
 * the others.
 */
public record SynonymGroup(long id, List<String> terms, String updatedBy, Instant updatedAt) {

    public SynonymGroup {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
