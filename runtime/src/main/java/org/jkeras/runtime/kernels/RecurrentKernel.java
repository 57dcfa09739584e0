package org.jkeras.runtime.kernels;

import java.util.Arrays;

import org.jkeras.runtime.Mask;

/**
 * The time loop shared by every Keras recurrent layer (Keras {@code backend.rnn}): the input projection of all
 * steps is one batched product ({@code x · W + b} over batch × steps rows, or a convolution over batch × steps
 * images for ConvLSTM); only the recurrent part loops over time.
 *
 * <p>Rows (samples) are independent, so the batch is split into groups that each run the whole time loop on their
 * own thread, with no hand-off per step. Inside a group the cell advances blocks of rows small enough that its
 * recurrent GEMM stays on the calling thread. Every row's arithmetic is the same whatever the grouping (the
 * {@link DenseKernel} contract), so results never depend on the batch size or thread count.
 *
 * <p>Masks follow Keras: a masked step keeps every state; its output is the previous output (the cell's output
 * state) or zero when {@code zeroOutputForMask}. With {@code goBackwards} the steps run from the last to the first and the
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

        /** Output width per step. */
        int units();

        /** 1 (h), 2 (h, c for LSTM), or a stack's states one after another. */
        int stateCount();

        /** Width of state {@code s}: {@link #units()} for one cell; the states of a stack's cells differ. */
        default int stateSize(int s) {
            return units();
        }

        /** The state that is the output (state 0 for one cell; the last cell's h in a stack). */
        default int outputState() {
            return 0;
        }

        /** Columns of the projected input per step ({@code x · W + b_in}, gates side by side). */
        int projectedWidth();

        /**
         * The input projection of {@code rows} steps at once (any rows of any samples): {@code rows × inputSize()}
         * floats from {@code x[xOff]} to {@code rows × projectedWidth()} at {@code out[outOff]}.
         */
        void project(float[] x, int xOff, float[] out, int outOff, int rows);

        /** FLOPs per row per step of {@link #project}. */
        long projectWork();

        /** FLOPs per row per step of the recurrent part (sizes the blocks that stay on one thread). */
        long recurrentWork();

        /** Scratch floats {@link #step} needs per row. */
        int scratchPerRow();

        /**
         * Advances rows {@code row0 .. row0 + rows - 1} of a group one step. Row r's projected input is at
         * {@code xp[xpOff + r * xpStride]} ({@link #projectedWidth()} wide, input bias included); its previous
         * state s at {@code prev[s][(row0 + r) * stateSize(s)]}; the new states go to {@code next[s]} at the same place.
         */
        void step(float[] xp, int xpOff, int xpStride, float[][] prev, float[][] next, int row0, int rows, float[] scratch);

        /** Weights in Keras' count. */
        long paramCount();

        /** Short description for {@code inspect}. */
        String describe();
    }

    /** The sequence output (batch, steps, units) or the last output (batch, units), and the final states (batch, stateSize(s)). */
    public record Result(float[] output, float[][] states) {
    }

    /**
     * Runs {@code cell} over {@code x} (batch, steps, inputSize). {@code initial}: one (batch, stateSize(s)) array
     * per state, or null for zeros. {@code mask}: (batch, steps) or null.
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
            for (int s = 0; s < ns; s++) {
                if (initial[s] != null && initial[s].length != (long) batch * cell.stateSize(s)) {
                    throw new IllegalArgumentException("initial state " + s + " holds " + initial[s].length + " floats, not " + batch + " x " + cell.stateSize(s));
                }
            }
        }
        float[] out = new float[returnSequences ? batch * steps * u : batch * u];
        float[][] finals = new float[ns][];
        for (int s = 0; s < ns; s++) finals[s] = new float[batch * cell.stateSize(s)];
        if (batch == 0) return new Result(out, finals);
        int perGroup = Math.min(MAX_GROUP_ROWS, (batch + Parallel.threads() - 1) / Parallel.threads());
        int groups = (batch + perGroup - 1) / perGroup;
        long work = (long) batch * steps * (cell.projectWork() + cell.recurrentWork());
        Parallel.parallelFor(groups, work, g -> {
            int r0 = g * perGroup, r1 = Math.min(batch, r0 + perGroup);
            runGroup(cell, x, r0, r1, steps, initial, mask, returnSequences, goBackwards, zeroOutputForMask, groups > 1, out, finals);
        });
        return new Result(out, finals);
    }

    private static void runGroup(Cell cell, float[] x, int r0, int r1, int steps, float[][] initial, Mask mask, boolean returnSequences,
                                 boolean goBackwards, boolean zeroOutputForMask, boolean inline, float[] out, float[][] finals) {
        int u = cell.units(), f = cell.inputSize(), ns = cell.stateCount(), rows = r1 - r0, os = cell.outputState();
        int g = cell.projectedWidth();
        float[] xp = new float[Math.multiplyExact(Math.multiplyExact(rows, steps), g)]; // (rows, steps, gates)
        cell.project(x, r0 * steps * f, xp, 0, rows * steps);

        int[] size = new int[ns];
        float[][] prev = new float[ns][], next = new float[ns][];
        for (int s = 0; s < ns; s++) {
            size[s] = cell.stateSize(s);
            prev[s] = new float[rows * size[s]];
            next[s] = new float[rows * size[s]];
            if (initial != null && initial[s] != null) System.arraycopy(initial[s], r0 * size[s], prev[s], 0, rows * size[s]);
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
                cell.step(xp, (b0 * steps + t) * g, steps * g, prev, next, b0, Math.min(block, rows - b0), scratch);
            }
            if (mask != null) {
                for (int r = 0; r < rows; r++) {
                    masked[r] = !mask.keep(r0 + r, t);
                    if (masked[r]) for (int s = 0; s < ns; s++) System.arraycopy(prev[s], r * size[s], next[s], r * size[s], size[s]);
                }
            }
            if (returnSequences || i == steps - 1) {
                for (int r = 0; r < rows; r++) {
                    int dst = returnSequences ? ((r0 + r) * steps + i) * u : (r0 + r) * u;
                    if (masked[r] && zeroOutputForMask) Arrays.fill(out, dst, dst + u, 0f);
                    else System.arraycopy(next[os], r * u, out, dst, u);
                }
            }
            float[][] swap = prev;
            prev = next;
            next = swap;
        }
        for (int s = 0; s < ns; s++) System.arraycopy(prev[s], 0, finals[s], r0 * size[s], rows * size[s]);
    }
}
