package org.jkeras.importer;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt names: the closest candidate within a small edit distance. */
final class Suggest {
    private Suggest() {
    }

    /** The candidate closest to {@code name} (case-insensitive), or null when none is within 2 edits. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d > 2 || d >= name.length()) continue;
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
