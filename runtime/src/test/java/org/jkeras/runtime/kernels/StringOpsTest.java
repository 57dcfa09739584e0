package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Expected values are what TensorFlow 2.21 returned for the same strings (tf.strings.lower, split, unicode_split, ngrams). */
class StringOpsTest {
    @Test
    void lowerWithoutAnEncodingChangesAsciiLettersOnly() {
        // tf.strings.lower("ÀÉÎ Straße ΣΑΣ İ ǅ ÆØ Ω") == "ÀÉÎ straße ΣΑΣ İ ǅ ÆØ Ω"
        assertEquals("ÀÉÎ straße ΣΑΣ İ ǅ ÆØ Ω", StringOps.lowerAscii("ÀÉÎ Straße ΣΑΣ İ ǅ ÆØ Ω"));
        assertEquals("héllo, wörld! 日本語 😀?", StringOps.lowerAscii("HéLLO, WöRLD! 日本語 😀?"));
    }

    @Test
    void punctuationIsKerasRegexOfAsciiPunctuation() {
        assertEquals("hello world 日本語 😀 «»¿", StringOps.stripPunctuation("hello, world! 日本語 😀? «»¿"));
        String ascii = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        assertEquals("", StringOps.stripPunctuation(ascii));
        for (char c = 0; c < 128; c++) assertEquals(ascii.indexOf(c) >= 0, StringOps.isPunctuation(c), "char " + (int) c);
    }

    @Test
    void whitespaceSplitsOnAsciiSpaceOnly() {
        // tf.strings.split("a\u00a0b\u3000c d\te\nf\x0bg\x0ch\ri\x1cj\u2003k\x85l")
        assertEquals(List.of("a\u00a0b\u3000c", "d", "e", "f", "g", "h", "i\u001cj\u2003k\u0085l"),
                StringOps.splitWhitespace("a\u00a0b\u3000c d\te\nf\u000bg\u000ch\ri\u001cj\u2003k\u0085l"));
        assertEquals(List.of("x", "y"), StringOps.splitWhitespace("  x \t\n y  "));
        assertEquals(List.of(), StringOps.splitWhitespace(" \t "));
        assertEquals(List.of(), StringOps.splitWhitespace(""));
    }

    @Test
    void characterSplitGivesCodePoints() {
        assertEquals(List.of("h", "é", " ", "日", "😀", "?"), StringOps.splitCharacters("hé 日😀?"));
        assertEquals(List.of(), StringOps.splitCharacters(""));
    }

    @Test
    void ngramsComeWidthByWidth() {
        // tf.strings.ngrams([["a","b","c"],["d"],[]], ngram_width=(1,2,3)) and (2,1)
        assertEquals(List.of("a", "b", "c", "a b", "b c", "a b c"), StringOps.ngrams(List.of("a", "b", "c"), new int[] {1, 2, 3}));
        assertEquals(List.of("d"), StringOps.ngrams(List.of("d"), new int[] {1, 2, 3}));
        assertEquals(List.of(), StringOps.ngrams(List.of(), new int[] {1, 2, 3}));
        assertEquals(List.of("a b", "b c", "a", "b", "c"), StringOps.ngrams(List.of("a", "b", "c"), new int[] {2, 1}));
    }

    @Test
    void anUnpairedSurrogateReadsAsJavaEncodesIt() {
        assertEquals("a?b", StringOps.wellFormed("a\ud800b"));
        String fine = "日本😀";
        assertEquals(fine, StringOps.wellFormed(fine));
    }
}
