package org.jkeras.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.jkeras.activations.Activations;
import org.jkeras.runtime.layers.Flatten;
import org.jkeras.runtime.layers.Identity;
import org.jkeras.runtime.layers.Reshape;
import org.junit.jupiter.api.Test;

/**
 * Intermediate arrays are recycled between predict calls (kernels.Arena): that must never change a result, a
 * caller's input, or an output the caller already holds, whatever aliases the graph makes (reshapes share
 * their input's array).
 */
class ArenaReuseTest {
    /** x (4, 6) -> Reshape (24) -> Dense 24 -> Reshape (4, 6) -> Flatten -> Dense 5 (softmax); the Identity of x and the middle Reshape are outputs too. */
    private static Model model() {
        return new Model("aliases", List.of(new Model.Input("x", Shape.of(4, 6))),
                List.of(new Model.Node(new Reshape("flat_in", new int[] {24}), new int[] {0}, 1),
                        new Model.Node(FusionTest.dense("d1", 24, 24, 1, Activations.relu()), new int[] {1}, 2),
                        new Model.Node(new Reshape("back", new int[] {4, 6}), new int[] {2}, 3),
                        new Model.Node(new Flatten("flat", false), new int[] {3}, 4),
                        new Model.Node(FusionTest.dense("d2", 24, 5, 2, Activations.softmax()), new int[] {4}, 5),
                        new Model.Node(new Identity("same", "Identity"), new int[] {0}, 6)),
                List.of(new Model.Output("y", 5), new Model.Output("mid", 3), new Model.Output("x_again", 6)));
    }

    @Test
    void recycledArraysNeverTouchInputsOrHeldOutputs() {
        Model m = model();
        for (int batch : new int[] {3, 3, 7, 3}) {
            Tensor a = FusionTest.input(batch, 24, batch).reshape(Shape.of(batch, 4, 6));
            Tensor b = FusionTest.input(batch, 24, batch + 100).reshape(Shape.of(batch, 4, 6));
            float[] aCopy = a.data().clone(), bCopy = b.data().clone();
            Tensor[] first = m.predict(a);
            float[][] firstCopy = {first[0].data().clone(), first[1].data().clone(), first[2].data().clone()};
            Tensor[] second = m.predict(b);
            Tensor[] again = m.predict(a);
            assertArrayEquals(aCopy, a.data(), "input a changed");
            assertArrayEquals(bCopy, b.data(), "input b changed");
            for (int o = 0; o < 3; o++) {
                assertArrayEquals(firstCopy[o], first[o].data(), "an output held from the first call changed, output " + o);
                assertArrayEquals(firstCopy[o], again[o].data(), "same input, different output " + o);
            }
            assertArrayEquals(bCopy, second[2].data(), "the identity output is the input");
        }
    }
}
