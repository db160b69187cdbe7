package org.rgflow.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RbmBenchmarkTest {

    @Test
    void shapesAreSquareLatticesTimesHidden() {
        assertArrayEquals(new int[] {256, 64}, RbmBenchmark.parseShape("256x64"));
        assertArrayEquals(new int[] {1024, 256}, RbmBenchmark.parseShape(" 1024X256 "));
        for (String bad : new String[] {"250x64", "256", "256x0", "x64", "256x64x2", "ax64"}) {
            assertThrows(IllegalArgumentException.class, () -> RbmBenchmark.parseShape(bad), bad);
        }
    }

    @Test
    void optionsRejectWhatCannotRun() {
        int[][] shapes = {{256, 64}};
        List<String> peers = List.of("numpy");
        assertThrows(IllegalArgumentException.class,
                () -> new RbmBenchmark.Options(shapes, List.of(1), 0, 3, 10_000, peers, "p", "p"));
        assertThrows(IllegalArgumentException.class,
                () -> new RbmBenchmark.Options(shapes, List.of(0), 3, 3, 10_000, peers, "p", "p"));
        assertThrows(IllegalArgumentException.class,
                () -> new RbmBenchmark.Options(shapes, List.of(1), 3, 3, 50, peers, "p", "p"));
        assertThrows(IllegalArgumentException.class,
                () -> new RbmBenchmark.Options(shapes, List.of(1), 3, 3, 10_000, List.of("jax"), "p", "p"));
        assertThrows(IllegalArgumentException.class,
                () -> new RbmBenchmark.Options(new int[][] {{300, 64}}, List.of(1), 3, 3, 10_000, peers, "p", "p"));
    }
}
