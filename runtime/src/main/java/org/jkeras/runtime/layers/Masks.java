package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.PredictException;

/**
 * The mask of a merge of several inputs, as each Keras generation computes it ({@code Merge.compute_mask}):
 * Keras 1/2 keep a step when every masked input keeps it ({@code K.all} over the masks present); Keras 3
 * returns no mask when any input has none, and otherwise keeps a step when any input keeps it
 * ({@code ops.logical_or}).
 */
final class Masks {
    private Masks() {
    }

    /** The merged mask of {@code masks} (null entries: unmasked inputs) under the rules of {@code semantics}. */
    static Mask merge(List<Mask> masks, Semantics semantics) {
        if (semantics == Semantics.KERAS_3) return masks.isEmpty() || anyNull(masks) ? null : or(masks);
        return and(masks);
    }

    /** Whether some input has no mask (a null-safe {@code contains(null)}: {@code List.of} lists reject that query). */
    static boolean anyNull(List<Mask> masks) {
        for (Mask m : masks) if (m == null) return true;
        return false;
    }

    /** Whether {@link #merge} gives a mask, from which inputs carry one (the static form). */
    static boolean merged(List<Boolean> masked, Semantics semantics) {
        if (masked.isEmpty()) return false;
        return semantics == Semantics.KERAS_3 ? !masked.contains(Boolean.FALSE) : masked.contains(Boolean.TRUE);
    }

    /** Logical AND of the non-null masks; null when there are none. */
    static Mask and(List<Mask> masks) {
        return combine(masks, true);
    }

    /** Logical OR of the non-null masks; null when there are none. */
    static Mask or(List<Mask> masks) {
        return combine(masks, false);
    }

    private static Mask combine(List<Mask> masks, boolean and) {
        Mask first = null;
        for (Mask m : masks) if (m != null) { first = m; break; }
        if (first == null) return null;
        for (Mask m : masks) {
            if (m != null && (m.batch() != first.batch() || m.steps() != first.steps())) {
                throw new PredictException("masks of " + first.batch() + " x " + first.steps() + " and " + m.batch() + " x " + m.steps() + " steps cannot be merged");
            }
        }
        boolean[] keep = new boolean[first.batch() * first.steps()];
        for (int b = 0; b < first.batch(); b++) {
            for (int t = 0; t < first.steps(); t++) {
                boolean k = and;
                for (Mask m : masks) if (m != null) k = and ? k & m.keep(b, t) : k | m.keep(b, t);
                keep[b * first.steps() + t] = k;
            }
        }
        return new Mask(first.batch(), first.steps(), keep);
    }
}
