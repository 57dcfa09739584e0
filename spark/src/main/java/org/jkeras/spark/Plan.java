package org.jkeras.spark;

import java.io.Serializable;
import java.util.List;

import org.jkeras.runtime.Shape;

/**
 * What a partition needs to score, resolved on the driver: which column feeds which model input, which output goes
 * to which column, and the options. Sent to the executors with each task.
 *
 * @param feeds    one per model input, in the model's input order
 * @param fetches  the outputs to keep, in the order of their columns
 * @param restored per feed: its index in {@link Scored#getRestored()}, or -1 when the column travels in the row
 */
record Plan(List<Feed> feeds, List<Fetch> fetches, int[] restored, int batchSize, Invalid invalid, int threads, String extension)
        implements Serializable {

    /** {@code handleInvalid}: what a row of the wrong length, a null or a NaN does. */
    enum Invalid {
        ERROR, SKIP, KEEP
    }

    /** @param sample the per-sample shape; at most one dimension {@link Shape#UNKNOWN}, read off each row's length */
    record Feed(String column, String input, int[] sample) implements Serializable {
        /** Values a sample has, the open dimension (if any) counted as 1. */
        int knownSize() {
            int n = 1;
            for (int d : sample) if (d != Shape.UNKNOWN) n *= d;
            return n;
        }

        int openAxis() {
            for (int a = 0; a < sample.length; a++) if (sample[a] == Shape.UNKNOWN) return a;
            return -1;
        }

        String shapeText() {
            return Shape.of(sample).toString();
        }
    }

    /** @param index the output's position among the model's outputs */
    record Fetch(String column, String output, int index) implements Serializable {
    }
}
