package org.jkeras.runtime;

import static org.jkeras.runtime.ModelTest.keeps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.ModelTest.MaskMaker;
import org.jkeras.runtime.ModelTest.Recorder;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.layers.ActivationLayer;
import org.jkeras.runtime.layers.Add;
import org.jkeras.runtime.layers.Dense;
import org.junit.jupiter.api.Test;

/** Explicit masks, the static mask of every value, and masks deleted by a layer in Keras' run order. */
class MaskFlowTest {
    /** x (2, 3, 1): steps kept where x != 0. */
    static final Tensor X = Tensor.of(new float[] {1, 0, 2, 0, 3, 4}, 2, 3, 1);
    static final boolean[] X_KEEP = {true, false, true, false, true, true};

    static ActivationLayer relu(String name) {
        return new ActivationLayer(name, "ReLU", Activations.relu());
    }

    /** Test-only: passes its input through and, like Keras 3 MultiHeadAttention, deletes the mask of its input 0. */
    static final class Clearer extends Layer {
        Clearer(String name) {
            super(name);
        }

        @Override public String kerasClass() { return "Clearer"; }
        @Override public Shape outputShape(List<Shape> inputs) { return inputs.get(0); }
        @Override public Tensor forward(List<Tensor> inputs) { return inputs.get(0); }
        @Override public int[] maskClearedInputs() { return new int[] {0}; }
    }

    /** A (batch, steps) mask passed for input 0 replaces that input's own (here none) and flows on. */
    @Test
    void anExplicitMaskIsTheInputsMask() {
        Recorder r = new Recorder("r");
        Tensor m = Tensor.of(new float[] {0, 1, 1, 1, 0, 0}, 2, 3);
        Model model = new Model("explicit", List.of(new Model.Input("x", Shape.of(3, 1)), new Model.Input("m", Shape.of(3))),
                List.of(new Model.Node(relu("relu"), new int[] {0}, new int[] {2}, new int[] {1}), new Model.Node(r, new int[] {2}, 3)),
                List.of(new Model.Output("y", 3)));
        assertTrue(model.canCarryMask(2));
        assertFalse(model.canCarryMask(3));
        model.predict(X, m);
        assertArrayEquals(new boolean[] {false, true, true, true, false, false}, keeps((Mask) ((List<?>) r.seen.get(0)).get(0)));
    }

    @Test
    void anExplicitMaskMustBeBatchBySteps() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Model("bad",
                List.of(new Model.Input("x", Shape.of(3, 1)), new Model.Input("m", Shape.of(4))),
                List.of(new Model.Node(relu("relu"), new int[] {0}, new int[] {2}, new int[] {1})), List.of(new Model.Output("y", 2))));
        assertTrue(e.getMessage().contains("relu"), e.getMessage());
    }

    /** Keras 3 drops the mask of a merge with an unmasked input, Keras 2 keeps it; statically and at run time. */
    @Test
    void theStaticMaskFollowsTheMergeRuleOfTheGeneration() {
        for (Semantics s : Semantics.values()) {
            Recorder r = new Recorder("r");
            Model model = new Model("merge", List.of(new Model.Input("x", Shape.of(3, 1)), new Model.Input("y", Shape.of(3, 1))),
                    List.of(new Model.Node(new MaskMaker("made"), new int[] {0}, 2), new Model.Node(new Add("add", s), new int[] {2, 1}, 3),
                            new Model.Node(r, new int[] {3}, 4)),
                    List.of(new Model.Output("o", 4)));
            boolean keras2 = s == Semantics.KERAS_1_2;
            assertTrue(model.canCarryMask(2));
            assertEquals(keras2, model.canCarryMask(3), s.toString());
            model.predict(X, Tensor.of(new float[6], 2, 3, 1));
            if (keras2) assertArrayEquals(X_KEEP, keeps((Mask) ((List<?>) r.seen.get(0)).get(0)));
            else assertEquals(List.of("none"), r.seen);
        }
    }

    /**
     * Keras runs nodes by decreasing depth (longest path to an output). The clearer has depth 1; the early reader
     * depth 3 (three layers to its output), so it runs first and sees the mask; the late reader, an output (depth
     * 0), runs after and sees none.
     */
    @Test
    void aClearedMaskIsGoneForTheReadersKerasRunsLater() {
        Recorder early = new Recorder("early"), late = new Recorder("late");
        List<Model.Node> nodes = List.of(
                new Model.Node(new MaskMaker("made"), new int[] {0}, 1),
                new Model.Node(late, new int[] {1}, 2),
                new Model.Node(new Clearer("clear"), new int[] {1}, 3),
                new Model.Node(relu("c1"), new int[] {3}, 4),
                new Model.Node(early, new int[] {1}, 5),
                new Model.Node(relu("e1"), new int[] {5}, 6),
                new Model.Node(relu("e2"), new int[] {6}, 7),
                new Model.Node(relu("e3"), new int[] {7}, 8));
        Model model = new Model("order", List.of(new Model.Input("x", Shape.of(3, 1))), nodes,
                List.of(new Model.Output("late", 2), new Model.Output("clear", 4), new Model.Output("early", 8)));
        int[] rank = MaskFlow.kerasOrder(model.nodes(), model.outputs(), model.valueCount());
        assertTrue(rank[4] < rank[2] && rank[2] < rank[1], java.util.Arrays.toString(rank));
        model.predict(X);
        assertArrayEquals(X_KEEP, keeps((Mask) ((List<?>) early.seen.get(0)).get(0)));
        assertEquals(List.of("none"), late.seen);
    }

    /** Fusion keeps explicit masks pointing at the right values. */
    @Test
    void fusionKeepsExplicitMasks() {
        Recorder r = new Recorder("r");
        Dense d = new Dense("dense", DenseKernel.pack(new float[] {2}, null, 1, 1, null), true, List.of());
        Tensor m = Tensor.of(new float[] {1, 1, 0, 0, 1, 0}, 2, 3);
        Model model = new Model("fused", List.of(new Model.Input("x", Shape.of(3, 1)), new Model.Input("m", Shape.of(3))),
                List.of(new Model.Node(d, new int[] {0}, 2), new Model.Node(relu("relu"), new int[] {2}, 3),
                        new Model.Node(r, new int[] {3}, new int[] {4}, new int[] {1})),
                List.of(new Model.Output("y", 4)));
        Model fused = Fusion.fuse(model);
        assertEquals(2, fused.nodes().size());
        fused.predict(X, m);
        assertArrayEquals(new boolean[] {true, true, false, false, true, false}, keeps((Mask) ((List<?>) r.seen.get(0)).get(0)));
    }

    /** A layer that computes masks but does not say statically when (a registered custom layer) may carry one. */
    @Test
    void aLayerComputingItsOwnMaskIsTakenToCarryOne() {
        Layer own = new Layer("own") {
            @Override public String kerasClass() { return "Own"; }
            @Override public Shape outputShape(List<Shape> inputs) { return inputs.get(0); }
            @Override public Tensor forward(List<Tensor> inputs) { return inputs.get(0); }
            @Override public Mask outputMask(List<Tensor> inputs, List<Mask> masks) { return Mask.allKept(inputs.get(0).batch(), 3); }
        };
        Model model = new Model("own", List.of(new Model.Input("x", Shape.of(3, 1))), List.of(new Model.Node(own, new int[] {0}, 1)),
                List.of(new Model.Output("y", 1)));
        assertTrue(model.canCarryMask(1));
        assertFalse(new Model("relu", List.of(new Model.Input("x", Shape.of(3, 1))), List.of(new Model.Node(relu("r"), new int[] {0}, 1)),
                List.of(new Model.Output("y", 1))).canCarryMask(1));
    }
}
