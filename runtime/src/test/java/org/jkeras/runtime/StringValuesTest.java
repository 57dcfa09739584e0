package org.jkeras.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.StringLookup;
import org.junit.jupiter.api.Test;

/** String tensors through a model: string inputs reach only the layers that read strings, and a layer can make strings. */
class StringValuesTest {
    private static StringLookup lookup(String name, boolean invert) {
        return new StringLookup(name, new String[] {"a", "b", "c"}, null, "[UNK]", 1, invert, Mode.INT, null, 4, null);
    }

    private static Model roundTrip() {
        Model.Input text = new Model.Input("text", Shape.of(1), Model.STRING);
        return new Model("m", List.of(text),
                List.of(new Model.Node(lookup("ids", false), new int[] {0}, 1), new Model.Node(lookup("back", true), new int[] {1}, 2)),
                List.of(new Model.Output("ids", 1, "int64"), new Model.Output("back", 2, Model.STRING)));
    }

    @Test
    void stringsGoInAndComeOut() {
        Model m = roundTrip();
        assertTrue(m.holdsStrings(0) && !m.holdsStrings(1) && m.holdsStrings(2));
        Tensor[] out = m.predict(Tensor.ofStrings(new String[] {"b", "zz", "a", ""}, 4, 1));
        assertArrayEquals(new float[] {2, 0, 1, 0}, out[0].data()); // OOV at 0, vocabulary from 1
        assertArrayEquals(new String[] {"b", "[UNK]", "a", "[UNK]"}, out[1].strings());
        assertEquals(Shape.of(4, 1), out[1].shape());
    }

    @Test
    void anInputTakesItsOwnKindOnly() {
        Model m = roundTrip();
        PredictException numbers = assertThrows(PredictException.class, () -> m.predict(Tensor.of(new float[] {1, 2}, 2, 1)));
        assertTrue(numbers.getMessage().contains("'text' takes strings"), numbers.getMessage());
        Model numeric = new Model("n", List.of(new Model.Input("ids", Shape.of(1), "int64")), List.of(new Model.Node(lookup("back", true), new int[] {0}, 1)),
                List.of(new Model.Output("back", 1, Model.STRING)));
        PredictException text = assertThrows(PredictException.class, () -> numeric.predict(Tensor.ofStrings(new String[] {"a"}, 1, 1)));
        assertTrue(text.getMessage().contains("'ids' takes numbers"), text.getMessage());
        assertArrayEquals(new String[] {"c"}, numeric.predict(Tensor.of(new float[] {3}, 1, 1))[0].strings());
        assertThrows(PredictException.class, () -> roundTrip().predictRows(new float[][] {{1}}));
    }

    @Test
    void aNumericLayerReadingStringsIsRefusedWhenTheModelIsBuilt() {
        Model.Input text = new Model.Input("text", Shape.of(3), Model.STRING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Model("m", List.of(text),
                List.of(new Model.Node(ModelTest.diagonalDense("dense"), new int[] {0}, 1)), List.of(new Model.Output("dense", 1))));
        assertTrue(e.getMessage().contains("'dense' (Dense) reads the strings of input 'text'"), e.getMessage());
        Model.Input ids = new Model.Input("ids", Shape.of(1), "int64");
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> new Model("m", List.of(ids),
                List.of(new Model.Node(lookup("lookup", false), new int[] {0}, 1)), List.of(new Model.Output("lookup", 1))));
        assertTrue(n.getMessage().contains("'lookup' (StringLookup) takes strings; input 'ids' gives numbers"), n.getMessage());
        assertFalse(new Model.Input("x", Shape.of(1)).isString());
    }
}
