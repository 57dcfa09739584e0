package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AxisMaps#period}: where it claims a period, the full index map is {@code i % period}. */
class AxisMapsTest {
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(new int[] {4, 5, 3}, new int[] {1, 1, 3}, 3),
                Arguments.of(new int[] {4, 5, 3}, new int[] {3}, 3),
                Arguments.of(new int[] {4, 5, 3}, new int[] {1, 1, 1, 3}, 3),   // a leading batch axis of 1
                Arguments.of(new int[] {4, 5, 3}, new int[] {1}, 1),
                Arguments.of(new int[] {4, 5, 3}, new int[] {}, 1),
                Arguments.of(new int[] {4, 5, 3}, new int[] {5, 3}, 0),         // varies along two axes
                Arguments.of(new int[] {4, 5, 3}, new int[] {4, 1, 1}, 0),      // varies along the first only
                Arguments.of(new int[] {4, 5, 1}, new int[] {1, 5, 1}, 0));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void periodAgreesWithTheIndexMap(int[] dims, int[] param, int expected) {
        int period = AxisMaps.period(dims, param);
        assertEquals(expected, period);
        if (period == 0) return;
        int[] map = AxisMaps.broadcast(dims, param);
        for (int i = 0; i < map.length; i++) assertEquals(map[i], i % period, "position " + i);
    }
}
