package org.jkeras.runtime.kernels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow's string ops as Keras' {@code TextVectorization} calls them. TensorFlow works on UTF-8 bytes; these work
 * on Java strings with the same results, each string taken as its UTF-8 encoding ({@link #wellFormed}).
 */
public final class StringOps {
    private StringOps() {
    }

    /** The string TensorFlow receives for {@code s}: an unpaired surrogate becomes {@code ?}, as Java's UTF-8 encoder writes it. */
    public static String wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) return new String(utf8(s), StandardCharsets.UTF_8);
        }
        return s;
    }

    /** The UTF-8 bytes of {@code s}. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code tf.strings.lower(s)} as Keras calls it, without an encoding: {@code absl::AsciiStrToLower}, so only A–Z
     * change ({@code "ÀB"} gives {@code "Àb"}); TensorFlow lower-cases other letters only when given an encoding.
     */
    public static String lowerAscii(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (c == null) c = s.toCharArray();
                c[i] = (char) (ch + ('a' - 'A'));
            }
        }
        return c == null ? s : new String(c);
    }

    /** Whether Keras' default punctuation regex {@code [!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']} matches {@code c}: ASCII punctuation. */
    static boolean isPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /** {@code tf.strings.regex_replace(s, <Keras' punctuation regex>, "")}: every ASCII punctuation character removed. */
    public static String stripPunctuation(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isPunctuation(ch)) {
                if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (b != null) {
                b.append(ch);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /**
     * {@code tf.strings.split(s)} without a separator: tokens separated by runs of ASCII whitespace (space, tab, line
     * feed, vertical tab, form feed, carriage return), none empty. Other spaces (no-break, ideographic) stay inside
     * their token, as in TensorFlow.
     */
    public static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || isAsciiSpace(s.charAt(i));
            if (space && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** {@code tf.strings.unicode_split(s, "UTF-8")}: one token per code point (an emoji outside the BMP is one). */
    public static List<String> splitCharacters(String s) {
        List<String> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); ) {
            int n = Character.charCount(s.codePointAt(i));
            out.add(s.substring(i, i + n));
            i += n;
        }
        return out;
    }

    /**
     * {@code tf.strings.ngrams(tokens, ngram_width=widths, separator=" ")}: for each width in the order given, every
     * run of that many consecutive tokens joined by a space; a row shorter than a width gives none of that width.
     */
    public static List<String> ngrams(List<String> tokens, int[] widths) {
        List<String> out = new ArrayList<>();
        for (int w : widths) {
            for (int i = 0; i + w <= tokens.size(); i++) out.add(String.join(" ", tokens.subList(i, i + w)));
        }
        return out;
    }
}
