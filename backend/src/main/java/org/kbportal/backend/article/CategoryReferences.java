package org.kbportal.backend.article;

import reactor.core.publisher.Mono;

/**
 * Something outside the article feature that refers to categories by code (questions, expert
 * skills). Told when a category is merged into another, inside the merge's transaction, so that
 * deleting the old category never leaves a dangling reference.
 */
public interface CategoryReferences {

    /** Moves every reference from {@code from} to {@code to}; returns how many records changed. */
    Mono<Long> moveCategory(String from, String to);
}
