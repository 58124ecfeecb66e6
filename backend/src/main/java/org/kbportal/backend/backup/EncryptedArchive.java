package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.kbportal.backend.system.CryptoSuite;

/**
 * The encrypted form of an archive: a header (magic, suite, random nonce prefix) and the zip in
 * segments of 64 KiB, each sealed with GCM under its own nonce (prefix + counter). The header and a
 * "last segment" flag are authenticated with every segment, so a reordered, truncated or extended
 * file fails like a changed byte does — without holding the whole archive in memory.
 */
final class EncryptedArchive {

    static final byte[] MAGIC = "KBENC01\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int SEGMENT = 64 * 1024;
    private static final int TAG = 16;
    private static final int HEADER = MAGIC.length + 1 + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EncryptedArchive() {}

    /** Whether {@code file} starts like an encrypted archive. */
    static boolean isEncrypted(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    /** Encrypts what is written to the returned stream into {@code out}; closing it writes the last segment. */
    static OutputStream encrypting(OutputStream out, CryptoSuite suite, byte[] key) throws IOException {
        byte[] header = ByteBuffer.allocate(HEADER)
                .put(MAGIC)
                .put((byte) suite.ordinal())
                .put(random(8))
                .array();
        out.write(header);
        return new OutputStream() {
            private final byte[] buf = new byte[SEGMENT];
            private int pos;
            private int counter;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (pos == SEGMENT) {
                        // more data follows, so this full segment is not the last one
                        out.write(seal(suite, key, header, counter++, false, buf, pos));
                        pos = 0;
                    }
                    int n = Math.min(len, SEGMENT - pos);
                    System.arraycopy(b, off, buf, pos, n);
                    pos += n;
                    off += n;
                    len -= n;
                }
            }

            @Override
            public void close() throws IOException {
                out.write(seal(suite, key, header, counter, true, buf, pos));
                out.close();
            }
        };
    }

    /**
     * Decrypts {@code from} into {@code to}; the suite is the one named in the header, the key derived
     * by {@code seal}. Throws {@link ArchiveReader.InvalidArchive} when anything does not
     * authenticate.
     */
    static void decrypt(Path from, Path to, ArchiveSeal seal) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(from));
                OutputStream out = Files.newOutputStream(to)) {
            byte[] header = in.readNBytes(HEADER);
            if (header.length < HEADER || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
                throw new ArchiveReader.InvalidArchive("The encrypted archive has no valid header.");
            }
            int s = header[MAGIC.length];
            if (s < 0 || s >= CryptoSuite.values().length) {
                throw new ArchiveReader.InvalidArchive("The encrypted archive names an unknown algorithm.");
            }
            CryptoSuite suite = CryptoSuite.values()[s];
            byte[] key = seal.decryptionKey(suite);
            int counter = 0;
            byte[] chunk = in.readNBytes(SEGMENT + TAG);
            while (true) {
                int next = in.read();
                boolean last = next < 0;
                out.write(open(suite, key, header, counter++, last, chunk));
                if (last) {
                    return;
                }
                byte[] rest = in.readNBytes(SEGMENT + TAG - 1);
                chunk = new byte[rest.length + 1];
                chunk[0] = (byte) next;
                System.arraycopy(rest, 0, chunk, 1, rest.length);
            }
        }
    }

    private static byte[] seal(
            CryptoSuite suite, byte[] key, byte[] header, int counter, boolean last, byte[] buf, int len)
            throws IOException {
        AEADBlockCipher gcm = cipher(suite, true, key, header, counter, last);
        byte[] out = new byte[gcm.getOutputSize(len)];
        int n = gcm.processBytes(buf, 0, len, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IOException(e);
        }
        return out;
    }

    private static byte[] open(CryptoSuite suite, byte[] key, byte[] header, int counter, boolean last, byte[] chunk)
            throws IOException {
        if (chunk.length < TAG) {
            throw new ArchiveReader.InvalidArchive("The encrypted archive is truncated.");
        }
        AEADBlockCipher gcm = cipher(suite, false, key, header, counter, last);
        byte[] out = new byte[gcm.getOutputSize(chunk.length)];
        int n = gcm.processBytes(chunk, 0, chunk.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new ArchiveReader.InvalidArchive("The encrypted archive does not decrypt with the configured key"
                    + " (KB_BACKUP_ENCRYPTION_KEY): it was changed, truncated or written with another key.");
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static AEADBlockCipher cipher(
            CryptoSuite suite, boolean encrypt, byte[] key, byte[] header, int counter, boolean last) {
        byte[] nonce = ByteBuffer.allocate(12)
                .put(header, MAGIC.length + 1, 8)
                .putInt(counter)
                .array();
        byte[] aad = Arrays.copyOf(header, header.length + 1);
        aad[header.length] = (byte) (last ? 1 : 0);
        AEADBlockCipher gcm = suite.gcm();
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG * 8, nonce, aad));
        return gcm;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
