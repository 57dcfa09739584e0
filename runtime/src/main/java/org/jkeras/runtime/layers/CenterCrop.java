package org.jkeras.runtime.layers;

/**
 * Keras {@code CenterCrop(height, width)} on an image at least that large: a crop of {@code (n − size) / 2} cells
 * before and the rest after, per spatial axis (Keras' {@code h_start = int(h_diff / 2)}); see {@link BaseZeroPadding}.
 */
public final class CenterCrop extends BaseZeroPadding {
    /** {@code inHeight, inWidth}: the input's known spatial size; {@code height, width}: the output's. */
    public CenterCrop(String name, boolean channelsFirst, int inHeight, int inWidth, int height, int width) {
        super(name, 2, channelsFirst, new int[] {-((inHeight - height) / 2), -((inWidth - width) / 2)},
                new int[] {-(inHeight - height - (inHeight - height) / 2), -(inWidth - width - (inWidth - width) / 2)});
        if (height < 1 || width < 1 || inHeight < height || inWidth < width) {
            throw new IllegalArgumentException("CenterCrop to " + height + "x" + width + " needs an input at least that large, got " + inHeight + "x" + inWidth
                    + " (Keras then resizes instead, which is not supported)");
        }
    }

    @Override
    public String kerasClass() {
        return "CenterCrop";
    }
}
