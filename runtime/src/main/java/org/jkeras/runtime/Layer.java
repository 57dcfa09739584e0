package org.jkeras.runtime;

import java.util.List;

/**
 * One Keras layer at inference: immutable, thread-safe, its weights packed at import time.
 * Shapes passed to {@link #outputShape} leave out the batch axis; tensors passed to {@link #forward}
 * carry it first. {@code forward} never writes to its inputs.
 */
public abstract class Layer {
    private final String name;

    /** For subclasses: {@code name} is the layer's Keras name. */
    protected Layer(String name) {
        this.name = name;
    }

    /** The layer's Keras name, e.g. {@code dense_3}. */
    public final String name() {
        return name;
    }

    /** The Keras class this layer implements, e.g. {@code Dense}. */
    public abstract String kerasClass();

    /** Per-sample output shape for the given per-sample input shapes; IllegalArgumentException when they do not fit. */
    public abstract Shape outputShape(List<Shape> inputs);

    /** Computes the output; inputs are already checked against {@link #outputShape}. */
    public abstract Tensor forward(List<Tensor> inputs);

    /** Number of output tensors; layers such as an RNN with {@code return_state} have more than one. */
    public int outputCount() {
        return 1;
    }

    /** Per-sample shapes of every output; multi-output layers override this and {@link #forwardAll}. */
    public List<Shape> outputShapes(List<Shape> inputs) {
        return List.of(outputShape(inputs));
    }

    /** Every output, in order. */
    public List<Tensor> forwardAll(List<Tensor> inputs) {
        return List.of(forward(inputs));
    }

    /**
     * Keras {@code supports_masking}: whether this layer passes its first input's timestep mask to its output
     * unchanged (true for elementwise and per-step layers). Layers that make or consume masks override
     * {@link #outputMask} / {@link #forwardAll(List, List)} instead.
     */
    public boolean propagatesMask() {
        return false;
    }

    /** The output's mask (Keras {@code compute_mask}) from the input tensors and masks (null entries: no mask). */
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return propagatesMask() && !masks.isEmpty() ? masks.get(0) : null;
    }

    /**
     * The mask of each output, in order; by default {@link #outputMask} for every output. Layers whose outputs differ
     * (an RNN's states carry no mask, Keras returns None for them) override this.
     */
    public List<Mask> outputMasks(List<Tensor> inputs, List<Mask> masks) {
        return java.util.Collections.nCopies(outputCount(), outputMask(inputs, masks));
    }

    /**
     * The static form of {@link #outputMasks}: which outputs can carry a mask, given which inputs can (decided at
     * load from the graph, never by running it; {@code inspect} shows it). A value this marks unmasked never gets a
     * mask at run time, so a layer that makes masks overrides this beside {@link #outputMask}; one that overrides only
     * {@code outputMask} or {@code outputMasks} is taken to make a mask whenever it runs.
     */
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        boolean m = (propagatesMask() && !inputsMasked.isEmpty() && inputsMasked.get(0)) || computesOwnMasks();
        return java.util.Collections.nCopies(outputCount(), m);
    }

    private boolean computesOwnMasks() {
        try {
            return getClass().getMethod("outputMask", List.class, List.class).getDeclaringClass() != Layer.class
                    || getClass().getMethod("outputMasks", List.class, List.class).getDeclaringClass() != Layer.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e); // both are public methods of Layer
        }
    }

    /**
     * The inputs whose masks this layer deletes when it runs, so that the layers Keras runs after it see those
     * tensors unmasked: Keras 3 {@code MultiHeadAttention} clears its query's, value's and key's. Empty by default.
     */
    public int[] maskClearedInputs() {
        return new int[0];
    }

    /** Every output given the inputs' masks (null entries: no mask); layers that read masks override this. */
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        return forwardAll(inputs);
    }

    /** Number of weights (Keras' parameter count). */
    public long paramCount() {
        return 0;
    }

    /**
     * Names of the layers that {@link Fusion} folded into this one, in graph order; the node then produces the
     * last one's output. Empty for a layer as Keras has it.
     */
    public List<String> fusedFrom() {
        return List.of();
    }

    /** Short description of the activation and fusions for {@code inspect}; empty when there is none. */
    public String details() {
        return "";
    }

    /** Checks that exactly {@code n} inputs were given. */
    protected final void expectInputs(List<?> inputs, int n) {
        if (inputs.size() != n) {
            throw new IllegalArgumentException(kerasClass() + " '" + name + "' takes " + n + " input(s), got " + inputs.size());
        }
    }

    @Override
    public String toString() {
        return name + " (" + kerasClass() + ")";
    }
}
