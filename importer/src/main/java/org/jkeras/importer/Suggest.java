package org.jkeras.importer;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt names: the closest candidate within a small edit distance. */
final class Suggest {
    private Suggest() {
    }

    /**
     * The candidate closest to {@code name} (case-insensitive), or null when none is close: within 1 edit for a name of
     * up to 4 letters, 2 for a longer one (so 'Sum' does not suggest 'LSTM', nor 'Log' 'Dot').
     */
    static String closest(String name, Collection<String> candidates) {
        return closest(name, candidates, name.length() <= 4 ? 1 : 2);
    }

    /**
     * For an op class: Keras writes its name itself, so an unsupported op is a different op far more often than a
     * misspelt one ('Sort' is not 'Sqrt', 'Erf' not 'Elu'). Only a difference of case, or of one edit in a name of
     * 6 letters or more, is suggested.
     */
    static String closestOp(String name, Collection<String> candidates) {
        return closest(name, candidates, name.length() < 6 ? 0 : 1);
    }

    /** The candidate closest to {@code name} (case-insensitive) within {@code maxEdits}, or null. */
    static String closest(String name, Collection<String> candidates, int maxEdits) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d > maxEdits || (d > 0 && d >= name.length())) continue;
            int score = d * 100 + Math.abs(c.length() - name.length()); // ties: the one of the same length
            if (score < bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best == null || best.equals(name) ? null : best;
    }

    /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
