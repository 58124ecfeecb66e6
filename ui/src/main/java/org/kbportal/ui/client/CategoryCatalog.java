package org.kbportal.ui.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The category list, shared by all sessions and refreshed every few minutes: every search page
 * shows category names, and they change rarely.
 */
@Component
public class CategoryCatalog {

    private static final Logger log = LoggerFactory.getLogger(CategoryCatalog.class);
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final ArticleClient articles;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN);

    private record Snapshot(List<Category> categories, Instant loadedAt) {}

    public CategoryCatalog(ArticleClient articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    /** All categories in display order; empty if the backend cannot be reached. */
    public List<Category> all() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current.categories().isEmpty() || current.loadedAt().plus(MAX_AGE).isBefore(now)) {
            try {
                List<Category> loaded = articles.categories().stream()
                        .sorted(Comparator.comparingInt(Category::sortOrder).thenComparing(Category::code))
                        .toList();
                current = new Snapshot(loaded, now);
                snapshot = current;
            } catch (BackendException e) {
                // names are a nicety: show codes rather than break the page
                log.warn("Categories not available: {}", e.getMessage());
            }
        }
        return current.categories();
    }

    /** Forgets the cached tree (after an admin changed it). */
    public void refresh() {
        snapshot = new Snapshot(List.of(), Instant.MIN);
    }

    /** The category's name in the locale's language, or the code itself when unknown. */
    public String name(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return all().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .map(c -> c.name(locale))
                .orElse(code);
    }
}
