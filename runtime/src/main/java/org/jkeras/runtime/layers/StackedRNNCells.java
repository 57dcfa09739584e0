package org.jkeras.runtime.layers;

import java.util.List;
import java.util.StringJoiner;

import org.jkeras.runtime.kernels.RecurrentKernel;

/**
 * Keras {@code StackedRNNCells}: within each step the cells run one after another, cell k reading cell k−1's
 * output; the stack's output is the last cell's. Its states are every cell's states, in the order Keras gives
 * them: cell by cell ({@code [h1, c1, h2, c2]}: Keras 3, tf.keras since 2.2.4-tf) or, {@code reversed}, flat in
 * reverse cell order ({@code [h2, c2, h1, c1]}: Keras 2.0–2.3 and older tf.keras), for initial states and
 * {@code return_state} alike.
 */
public final class StackedRNNCells implements RecurrentKernel.Cell {
    private final RecurrentKernel.Cell[] cells;
    private final int[][] index;    // index[k][j]: where cell k's state j sits among the stack's states
    private final int[] sizes;      // (states) widths
    private final int cellScratch;  // per row: the most any cell's step needs
    private final int projected;    // per row: the widest projection of cells 1.. (their input is known only in the step)
    private final boolean reversed;

    public StackedRNNCells(List<? extends RecurrentKernel.Cell> cells, boolean reversed) {
        if (cells.isEmpty()) throw new IllegalArgumentException("StackedRNNCells needs at least one cell");
        this.cells = cells.toArray(new RecurrentKernel.Cell[0]);
        this.reversed = reversed;
        this.index = new int[this.cells.length][];
        int total = 0, scratch = 0, proj = 0;
        for (int k = 0; k < this.cells.length; k++) {
            RecurrentKernel.Cell c = this.cells[k];
            if (k > 0 && c.inputSize() != this.cells[k - 1].units()) {
                throw new IllegalArgumentException("cell " + k + " takes " + c.inputSize() + " features, cell " + (k - 1) + " gives " + this.cells[k - 1].units());
            }
            total += c.stateCount();
            scratch = Math.max(scratch, c.scratchPerRow());
            if (k > 0) proj = Math.max(proj, c.projectedWidth());
        }
        this.sizes = new int[total];
        for (int n = 0, at = 0; n < this.cells.length; n++) {
            int k = reversed ? this.cells.length - 1 - n : n;
            index[k] = new int[this.cells[k].stateCount()];
            for (int j = 0; j < index[k].length; j++, at++) {
                index[k][j] = at;
                sizes[at] = this.cells[k].stateSize(j);
            }
        }
        this.cellScratch = scratch;
        this.projected = proj;
    }

    private RecurrentKernel.Cell last() {
        return cells[cells.length - 1];
    }

    @Override public int inputSize() { return cells[0].inputSize(); }
    @Override public int units() { return last().units(); }
    @Override public int stateCount() { return sizes.length; }
    @Override public int stateSize(int s) { return sizes[s]; }
    @Override public int outputState() { return index[cells.length - 1][last().outputState()]; }
    @Override public int projectedWidth() { return cells[0].projectedWidth(); }
    @Override public long projectWork() { return cells[0].projectWork(); }
    @Override public int scratchPerRow() { return cellScratch + projected; }

    @Override
    public long recurrentWork() {
        long w = 0;
        for (int k = 0; k < cells.length; k++) w += cells[k].recurrentWork() + (k > 0 ? cells[k].projectWork() : 0);
        return w;
    }

    @Override
    public void project(float[] x, int xOff, float[] out, int outOff, int rows) {
        cells[0].project(x, xOff, out, outOff, rows);
    }

    @Override
    public void step(float[] xp, int xpOff, int xpStride, float[][] prev, float[][] next, int row0, int rows, float[] s) {
        int at = rows * cellScratch; // the projected input of cells 1.. lies after the cells' own scratch
        for (int k = 0; k < cells.length; k++) {
            float[][] p = new float[index[k].length][], n = new float[index[k].length][];
            for (int j = 0; j < p.length; j++) {
                p[j] = prev[index[k][j]];
                n[j] = next[index[k][j]];
            }
            if (k == 0) {
                cells[0].step(xp, xpOff, xpStride, p, n, row0, rows, s);
            } else {
                RecurrentKernel.Cell below = cells[k - 1];
                cells[k].project(next[index[k - 1][below.outputState()]], row0 * below.units(), s, at, rows);
                cells[k].step(s, at, cells[k].projectedWidth(), p, n, row0, rows, s);
            }
        }
    }

    @Override
    public long paramCount() {
        long n = 0;
        for (RecurrentKernel.Cell c : cells) n += c.paramCount();
        return n;
    }

    @Override
    public String describe() {
        StringJoiner j = new StringJoiner(", ", "StackedRNNCells(", reversed ? "; states in reverse cell order)" : ")");
        for (RecurrentKernel.Cell c : cells) j.add(c.describe());
        return j.toString();
    }
}
