package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Mask;

/** Mask arithmetic shared by the merge layers. */
final class Masks {
    private Masks() {
    }

    /** Logical AND of the non-null masks; null when there are none. */
    static Mask and(List<Mask> masks) {
        Mask first = null;
        for (Mask m : masks) if (m != null) { first = m; break; }
        if (first == null) return null;
        boolean[] keep = new boolean[first.batch() * first.steps()];
        for (int b = 0; b < first.batch(); b++) {
            for (int t = 0; t < first.steps(); t++) {
                boolean k = true;
                for (Mask m : masks) if (m != null) k &= m.keep(b, t);
                keep[b * first.steps() + t] = k;
            }
        }
        return new Mask(first.batch(), first.steps(), keep);
    }
}
