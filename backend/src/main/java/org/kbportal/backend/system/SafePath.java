package org.kbportal.backend.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one check for every file name or relative path that comes from an archive or a database row
 * (backup downloads and retention, restore, knowledge import, stored files): it must be a plain
 * relative path ({@code /}-separated, no {@code .} or {@code ..} segments, no backslash, NUL or
 * other control characters, not absolute), resolve under its base directory, and reach no symbolic
 * link on the way (a link inside the data directory could point anywhere).
 */
public final class SafePath {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

    /** A path was refused; the message names it and says why, for logs and problem details. */
    public static final class UnsafePath extends IOException {
        public UnsafePath(String message) {
            super(message);
        }
    }

    private SafePath() {}

    /** Why {@code rel} is not a plain relative path, or null when it is (no disk access). */
    public static String problem(String rel) {
        if (rel == null || rel.isEmpty()) {
            return "empty";
        }
        if (rel.length() > 1024) {
            return "too long";
        }
        if (CONTROL.matcher(rel).find()) {
            return "control character";
        }
        if (rel.contains("\\")) {
            return "backslash";
        }
        if (rel.startsWith("/") || rel.matches("^[A-Za-z]:.*")) {
            return "absolute";
        }
        for (String segment : rel.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "'" + segment + "' segment";
            }
        }
        return null;
    }

    /**
     * {@code base/rel}, once {@code rel} is a plain relative path that stays under {@code base} and no
     * existing part of it below {@code base} is a symbolic link.
     */
    public static Path under(Path base, String rel) throws UnsafePath {
        String why = problem(rel);
        if (why != null) {
            throw new UnsafePath("Unsafe path '" + printable(rel) + "': " + why + ".");
        }
        Path root = base.toAbsolutePath().normalize();
        Path target = root.resolve(rel).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new UnsafePath("Unsafe path '" + printable(rel) + "': outside " + root + ".");
        }
        for (Path p = target; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new UnsafePath(
                        "Unsafe path '" + printable(rel) + "': " + root.relativize(p) + " is a symbolic link.");
            }
        }
        return target;
    }

    /** Like {@link #under} but a single file name (no directories), as backup archives are named. */
    public static Path fileIn(Path dir, String name) throws UnsafePath {
        if (name != null && name.contains("/")) {
            throw new UnsafePath("Unsafe file name '" + printable(name) + "': contains '/'.");
        }
        return under(dir, name);
    }

    /** Whether {@code p} is a regular file, not following a link. */
    public static boolean isRegularFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static String printable(String s) {
        return s == null ? "" : CONTROL.matcher(s).replaceAll("?");
    }
}
