package org.jkeras.runtime.kernels;

import java.util.Arrays;

import org.jkeras.runtime.Mask;

/**
 * The time loop shared by every Keras recurrent layer (Keras {@code backend.rnn}): the input projection of all
 * steps is one batched GEMM ({@code x · W + b} over batch × steps rows); only the recurrent part loops over time.
 *
 * <p>Rows (samples) are independent, so the batch is split into groups that each run the whole time loop on their
 * own thread, with no hand-off per step. Inside a group the cell advances blocks of rows small enough that its
 * recurrent GEMM stays on the calling thread. Every row's arithmetic is the same whatever the grouping (the
 * {@link DenseKernel} contract), so results never depend on the batch size or thread count.
 *
 * <p>Masks follow Keras: a masked step keeps every state; its output is the previous output ({@code states[0]})
 * or zero when {@code zeroOutputForMask}. With {@code goBackwards} the steps run from the last to the first and the
 * output sequence is in processing order, as Keras returns it.
 */
public final class RecurrentKernel {
    /** Samples per group at most: bounds the projected-input buffer (rows × steps × gates floats). */
    private static final int MAX_GROUP_ROWS = 64;

    private RecurrentKernel() {
    }

    /** One Keras RNN cell with its weights packed: the step function of {@code backend.rnn}. Immutable. */
    public interface Cell {
        /** Features per input step. */
        int inputSize();

        /** Output width, and the width of every state. */
        int units();

        /** 1 (h) or 2 (h, c for LSTM). State 0 is the output. */
        int stateCount();

        /** {@code x · W + b_in} for every step at once: (inputSize, gate columns). */
        DenseKernel inputKernel();

        /** FLOPs per row per step of the recurrent part (sizes the blocks that stay on one thread). */
        long recurrentWork();

        /** Scratch floats {@link #step} needs per row. */
        int scratchPerRow();

        /**
         * Advances {@code rows} rows one step. Row r's projected input is at {@code xp[xpOff + r * xpStride]} (gate
         * columns wide, input bias included); its previous states at {@code prev[s][off + r * units()]}; the new
         * states go to {@code next[s]} at the same place.
         */
        void step(float[] xp, int xpOff, int xpStride, float[][] prev, float[][] next, int off, int rows, float[] scratch);

        /** Weights in Keras' count. */
        long paramCount();

        /** Short description for {@code inspect}. */
        String describe();
    }

    /** The sequence output (batch, steps, units) or the last output (batch, units), and the final states (batch, units). */
    public record Result(float[] output, float[][] states) {
    }

    /**
     * Runs {@code cell} over {@code x} (batch, steps, inputSize). {@code initial}: one (batch, units) array per
     * state, or null for zeros. {@code mask}: (batch, steps) or null.
     */
    public static Result run(Cell cell, float[] x, int batch, int steps, float[][] initial, Mask mask, boolean returnSequences,
                             boolean goBackwards, boolean zeroOutputForMask) {
        int u = cell.units(), f = cell.inputSize(), ns = cell.stateCount();
        if (x.length != (long) batch * steps * f) throw new IllegalArgumentException("input holds " + x.length + " floats, not " + batch + " x " + steps + " x " + f);
        if (mask != null && (mask.batch() != batch || mask.steps() != steps)) {
            throw new IllegalArgumentException("mask of " + mask.batch() + " x " + mask.steps() + " for an input of " + batch + " x " + steps + " steps");
        }
        if (initial != null) {
            if (initial.length != ns) throw new IllegalArgumentException("expected " + ns + " initial state(s), got " + initial.length);
            for (float[] s : initial) {
                if (s != null && s.length != batch * u) throw new IllegalArgumentException("initial state holds " + s.length + " floats, not " + batch + " x " + u);
            }
        }
        float[] out = new float[returnSequences ? batch * steps * u : batch * u];
        float[][] finals = new float[ns][batch * u];
        if (batch == 0) return new Result(out, finals);
        int perGroup = Math.min(MAX_GROUP_ROWS, (batch + Parallel.threads() - 1) / Parallel.threads());
        int groups = (batch + perGroup - 1) / perGroup;
        long work = (long) batch * steps * (2L * f * cell.inputKernel().units() + cell.recurrentWork());
        Parallel.parallelFor(groups, work, g -> {
            int r0 = g * perGroup, r1 = Math.min(batch, r0 + perGroup);
            runGroup(cell, x, r0, r1, steps, initial, mask, returnSequences, goBackwards, zeroOutputForMask, groups > 1, out, finals);
        });
        return new Result(out, finals);
    }

    private static void runGroup(Cell cell, float[] x, int r0, int r1, int steps, float[][] initial, Mask mask, boolean returnSequences,
                                 boolean goBackwards, boolean zeroOutputForMask, boolean inline, float[] out, float[][] finals) {
        int u = cell.units(), f = cell.inputSize(), ns = cell.stateCount(), rows = r1 - r0;
        DenseKernel in = cell.inputKernel();
        int g = in.outputWidth();
        float[] xp = new float[Math.multiplyExact(Math.multiplyExact(rows, steps), g)]; // (rows, steps, gates)
        in.forward(x, r0 * steps * f, xp, 0, rows * steps);

        float[][] prev = new float[ns][rows * u], next = new float[ns][rows * u];
        if (initial != null) {
            for (int s = 0; s < ns; s++) if (initial[s] != null) System.arraycopy(initial[s], r0 * u, prev[s], 0, rows * u);
        }
        // blocks whose recurrent GEMM stays below the pool's hand-off threshold when groups already run in parallel
        int block = rows;
        if (inline) {
            int max = (int) Math.max(1, Math.min(rows, (Parallel.INLINE_WORK - 1) / Math.max(1, cell.recurrentWork())));
            int blocks = (rows + max - 1) / max;
            block = (rows + blocks - 1) / blocks;
        }
        float[] scratch = new float[block * cell.scratchPerRow()];
        boolean[] masked = new boolean[rows];
        for (int i = 0; i < steps; i++) {
            int t = goBackwards ? steps - 1 - i : i;
            for (int b0 = 0; b0 < rows; b0 += block) {
                cell.step(xp, (b0 * steps + t) * g, steps * g, prev, next, b0 * u, Math.min(block, rows - b0), scratch);
            }
            if (mask != null) {
                for (int r = 0; r < rows; r++) {
                    masked[r] = !mask.keep(r0 + r, t);
                    if (masked[r]) for (int s = 0; s < ns; s++) System.arraycopy(prev[s], r * u, next[s], r * u, u);
                }
            }
            if (returnSequences || i == steps - 1) {
                for (int r = 0; r < rows; r++) {
                    int dst = returnSequences ? ((r0 + r) * steps + i) * u : (r0 + r) * u;
                    if (masked[r] && zeroOutputForMask) Arrays.fill(out, dst, dst + u, 0f);
                    else System.arraycopy(next[0], r * u, out, dst, u);
                }
            }
            float[][] swap = prev;
            prev = next;
            next = swap;
        }
        for (int s = 0; s < ns; s++) System.arraycopy(prev[s], 0, finals[s], r0 * u, rows * u);
    }
}
