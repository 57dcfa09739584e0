package org.jkeras;

/**
 * One part of a model jkeras cannot run: where it is and what to do.
 *
 * @param layer      the layer's path ({@code dense_3}, {@code block/conv_1}), or null for the whole model
 * @param className  the layer's Keras class, or null
 * @param key        the config key at fault ({@code activation}), or null when the class itself is the problem
 * @param message    what is wrong
 * @param suggestion what to do about it, or null
 */
public record Problem(String layer, String className, String key, String message, String suggestion) {

    /** {@code layer 'd' (Dense): config key 'activation': unknown activation 'x' (did you mean ...?)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (layer != null) b.append("layer '").append(layer).append("' (").append(className).append("): ");
        if (key != null) b.append("config key '").append(key).append("': ");
        b.append(message);
        if (suggestion != null) b.append(" — ").append(suggestion);
        return b.toString();
    }
}
