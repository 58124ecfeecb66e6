package org.kbportal.ui.backup;

import java.util.Locale;

/** Sizes for people: 512 B, 1.5 KB, 23.4 MB, 1.2 GB (powers of 1024). */
final class ByteSize {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ByteSize() {}

    static String format(Long bytes) {
        if (bytes == null) {
            return "–";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }
}
