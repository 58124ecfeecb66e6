package org.kbportal.backend.files;

import java.text.Normalizer;

/** Turns a client-supplied file name into one that is safe on disk listings and in headers. */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {}

    static String sanitise(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        // only the last path element: "C:\\temp\\a.log" and "../../etc/passwd" lose their directories
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)
                    || "<>:\"|?*;".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT) { // bidi overrides hide a real extension
                out.append('_');
            } else if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String clean = out.toString().replaceAll(" {2,}", " ").strip();
        clean = clean.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        if (clean.isEmpty()) {
            clean = "file";
        }
        return shorten(clean);
    }

    /** Keeps the extension when cutting a long name. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String ext = ContentSniffer.extension(name);
        String suffix = ext.isEmpty() || ext.length() > 10 ? "" : "." + ext;
        int keep = MAX_LENGTH - suffix.length();
        return name.substring(0, name.offsetByCodePoints(0, keep)) + suffix;
    }
}
