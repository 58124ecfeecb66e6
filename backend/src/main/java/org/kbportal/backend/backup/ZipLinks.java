package org.kbportal.backend.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries a zip marks as symbolic links (Unix mode {@code 0120000} in the central directory's
 * external attributes, which {@link java.util.zip.ZipFile} does not show). The portal never creates
 * links from an archive, it copies bytes into regular files, but an archive holding one is not one of
 * ours and is refused.
 */
final class ZipLinks {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int UNIX = 3;
    private static final int TYPE_MASK = 0170000;
    private static final int SYMLINK = 0120000;

    private ZipLinks() {}

    static List<String> in(Path zip) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65535);
            ByteBuffer end = read(ch, size - tail, tail);
            int at = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == END_SIGNATURE) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return List.of(); // not a zip (ZipFile says so) or ZIP64 without a plain end record
            }
            long dirSize = Integer.toUnsignedLong(end.getInt(at + 12));
            long dirOffset = Integer.toUnsignedLong(end.getInt(at + 16));
            if (dirOffset + dirSize > size || dirSize > Integer.MAX_VALUE) {
                return List.of();
            }
            ByteBuffer dir = read(ch, dirOffset, (int) dirSize);
            List<String> links = new ArrayList<>();
            for (int p = 0; p + 46 <= dir.limit() && dir.getInt(p) == CENTRAL_SIGNATURE; ) {
                int madeBy = Short.toUnsignedInt(dir.getShort(p + 4)) >> 8;
                int nameLength = Short.toUnsignedInt(dir.getShort(p + 28));
                int extraLength = Short.toUnsignedInt(dir.getShort(p + 30));
                int commentLength = Short.toUnsignedInt(dir.getShort(p + 32));
                int mode = dir.getInt(p + 38) >>> 16;
                if (madeBy == UNIX && (mode & TYPE_MASK) == SYMLINK && p + 46 + nameLength <= dir.limit()) {
                    byte[] name = new byte[nameLength];
                    dir.get(p + 46, name);
                    links.add(new String(name, StandardCharsets.UTF_8));
                }
                p += 46 + nameLength + extraLength + commentLength;
            }
            return links;
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && ch.read(b, position + b.position()) >= 0) {
            // read fully
        }
        return b.flip();
    }
}
