package org.kbportal.backend.manual;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Extracted text: decoding uploaded text files, tidying whitespace, guessing the language. */
final class PlainText {

    private static final Pattern TRAILING = Pattern.compile("[ \\t\\u00A0\\u3000]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private PlainText() {}

    /** Unix line ends, no trailing blanks, at most one blank line in a row, stripped. */
    static String tidy(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
        s = TRAILING.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }

    /**
     * Decodes a text file: a byte-order mark decides; else strict UTF-8; else GB18030 (Chinese
     * Windows saves text as GBK, which GB18030 includes).
     */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = strict(bytes, Charset.forName("GB18030"));
        if (gb != null) {
            return gb;
        }
        throw DocumentProblems.unknownEncoding();
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** "zh" when at least a fifth of the letters are Han characters, else "en". */
    static String guessLang(String text) {
        long letters = 0;
        long han = 0;
        int limit = Math.min(text.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    han++;
                }
            }
        }
        return letters > 0 && han * 5 >= letters ? "zh" : "en";
    }
}
