package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;

/**
 * A convolution (plain or depthwise) whose kernel can take in what follows it on its channels: an inference
 * BatchNormalization's {@code y·scale + shift} folded into its weights and bias, and an elementwise activation in
 * its epilogue. {@code Fusion} uses it; each method returns a new layer and leaves this one as it is.
 */
public interface ChannelFolding {
    /** The channel axis of an output sample (batch axis excluded). */
    int channelAxis();

    /** Whether a per-channel affine map can fold in: channels last, nothing applied after the kernel yet. */
    boolean canFold();

    /** This layer followed by {@code y·scale + shift} per channel (BatchNormalization {@code layer}), which {@link #canFold}. */
    Layer folded(float[] scale, float[] shift, String layer);

    /** Whether activation {@code act} can run in this layer's kernel. */
    boolean canFuse(Activation act);

    /** This layer with activation layer {@code layer}'s {@code act} in its kernel (which {@link #canFuse}). */
    Layer withActivation(Activation act, String layer);
}
