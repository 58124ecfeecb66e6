package org.kbportal.backend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's API tables ("## API (stable contract)" and the feature sections after it) as endpoints: every
 * endpoint in the first cell of a table row ({@code GET/POST /api/admin/users} gives two). A relative one is
 * resolved against the endpoint before it in the cell: {@code POST /api/admin/articles/{id}/publish}, {@code
 * .../archive} is {@code /api/admin/articles/{id}/archive}; {@code PUT /api/admin/categories/{code}}, {@code POST
 * .../{code}/move} continues at {@code {code}}; {@code GET /api/admin/shifts}, {@code DELETE .../{id}} appends a
 * variable, {@code GET /api/reports/service}, {@code .../charts/{name}.png} a sub-path; a bare {@code POST} is the
 * same path. The contract tests (authorization matrix, OpenAPI document) read
 * the README through this class.
 */
public final class ReadmeApi {

    /** One endpoint of a README row; {@code path} as written, query and optional parts removed. */
    public record Endpoint(String method, String path, String row) {

        /** The path with every variable as {@code {}}, to compare with another spelling of the same path. */
        public String normalisedPath() {
            return normalise(path);
        }

        /** A path to call: every variable a made-up id (so nothing real is changed). */
        public String concretePath() {
            return path.replaceAll("\\{[^}]*}", "999999");
        }
    }

    private static final String METHODS = "((?:GET|POST|PUT|DELETE|PATCH)(?:/(?:GET|POST|PUT|DELETE|PATCH))*)";
    private static final Pattern ENDPOINT = Pattern.compile("^" + METHODS + " (/\\S*)");
    private static final Pattern RELATIVE = Pattern.compile("^(?:" + METHODS + " )?\\.\\.\\.(/\\S*)");
    private static final Pattern BARE = Pattern.compile("^" + METHODS + "$");
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");

    private ReadmeApi() {}

    /** A path with every variable written {@code {}}: {@code /api/questions/{id}} → {@code /api/questions/{}}. */
    public static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /** Every endpoint of the README at the repository root (tests run in the module directory). */
    public static List<Endpoint> endpoints() {
        try {
            return endpoints(Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Endpoint> endpoints(List<String> lines) {
        Set<Endpoint> found = new LinkedHashSet<>();
        for (String line : lines) {
            if (!line.startsWith("| `")) {
                continue;
            }
            int end = line.indexOf(" | ", 2);
            String first = line.substring(2, end < 0 ? line.length() : end);
            Matcher spans = SPAN.matcher(first);
            String previousMethods = null;
            String previousPath = null;
            while (spans.find()) {
                String span = spans.group(1);
                Matcher absolute = ENDPOINT.matcher(span);
                Matcher relative = RELATIVE.matcher(span);
                Matcher bare = BARE.matcher(span);
                String methods;
                String path;
                if (absolute.find()) {
                    methods = absolute.group(1);
                    path = clean(absolute.group(2));
                } else if (relative.find() && previousPath != null) {
                    methods = relative.group(1) == null ? previousMethods : relative.group(1);
                    path = resolve(previousPath, clean(relative.group(2)));
                } else if (bare.matches() && previousPath != null) {
                    methods = bare.group(1);
                    path = previousPath;
                } else {
                    continue;
                }
                for (String method : methods.split("/")) {
                    found.add(new Endpoint(method, path, first));
                }
                previousMethods = methods;
                previousPath = path;
            }
        }
        return new ArrayList<>(found);
    }

    private static String clean(String path) {
        return path.replaceAll("\\[.*$", "").replaceAll("\\?.*$", "");
    }

    /**
     * {@code .../rest} after {@code base}: continues where base has rest's first segment; a single other word
     * replaces base's last segment (a sibling action); anything else is appended.
     */
    static String resolve(String base, String rest) {
        List<String> segments = new ArrayList<>(List.of(base.substring(1).split("/")));
        String first = rest.substring(1).split("/")[0];
        int at = segments.lastIndexOf(first);
        if (at >= 0) {
            segments = segments.subList(0, at);
        } else if (!first.startsWith("{") && rest.indexOf('/', 1) < 0) {
            segments = segments.subList(0, segments.size() - 1);
        }
        return "/" + String.join("/", segments) + rest;
    }
}
