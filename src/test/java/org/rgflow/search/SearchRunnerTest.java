package org.rgflow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search mechanics on synthetic scores with a planted optimum (no training). */
class SearchRunnerTest {

    private static final long SEED = 20240611L;

    @TempDir
    Path tmp;

    /** Score −(n−3)² − (log10 lr + 2)²: maximum 0 at n = 3, lr = 0.01. */
    private static final CandidateEvaluator PLANTED = (i, p, dir) -> {
        int n = (Integer) p.get("numHidden");
        double lr = (Double) p.get("learningRate");
        double l = Math.log10(lr) + 2;
        return -(n - 3) * (n - 3) - l * l;
    };

    private static SearchSpace plantedSpace() {
        Map<String, Dimension> d = new LinkedHashMap<>();
        d.put("numHidden", new Dimension.IntRange(0, 8, false));
        d.put("learningRate", new Dimension.Continuous(1e-4, 1.0, true));
        d.put("epochs", new Dimension.Fixed(5));
        return SearchSpace.of(d);
    }

    private SearchRunner.Result run(SearchSpace space, Generators.Kind kind, long seed, int budget, int threads,
            CandidateEvaluator ev, Path out, boolean resume) throws IOException {
        var gen = Generators.create(kind, space.parameterSpace(), seed, 5, 8, false);
        return new SearchRunner(space, gen, ev, Budget.candidates(budget), threads, false).run(out, resume,
                SearchListener.NONE);
    }

    @Test
    void gridFindsPlantedOptimum() throws IOException {
        Map<String, Dimension> d = new LinkedHashMap<>();
        d.put("numHidden", new Dimension.IntRange(1, 5, false));
        d.put("learningRate", new Dimension.Continuous(1e-4, 1.0, true));
        SearchRunner.Result r = run(SearchSpace.of(d), Generators.Kind.GRID, SEED, 1000, 2, PLANTED,
                tmp.resolve("g"), false);
        assertEquals(25, r.records().size());
        CandidateRecord best = r.best().orElseThrow();
        assertEquals("3", best.parameters().get("numHidden"));
        assertEquals(0.01, Double.parseDouble(best.parameters().get("learningRate")), 1e-9);
    }

    @Test
    void randomSearchFindsPlantedOptimum() throws IOException {
        SearchRunner.Result r = run(plantedSpace(), Generators.Kind.RANDOM, SEED, 60, 1, PLANTED, tmp.resolve("r"),
                false);
        CandidateRecord best = r.best().orElseThrow();
        assertEquals("3", best.parameters().get("numHidden"), best.toString());
        assertEquals(-2, Math.log10(Double.parseDouble(best.parameters().get("learningRate"))), 0.5, best.toString());
        assertEquals("5", best.parameters().get("epochs"));
    }

    /** Arbiter's genetic search is a coarser optimiser: it must get within one step of the optimum. */
    @Test
    void geneticSearchApproachesPlantedOptimum() throws IOException {
        SearchRunner.Result r = run(plantedSpace(), Generators.Kind.GENETIC, SEED, 60, 2, PLANTED, tmp.resolve("g"),
                false);
        CandidateRecord best = r.best().orElseThrow();
        assertEquals(3, Integer.parseInt(best.parameters().get("numHidden")), 1, best.toString());
        assertEquals(-2, Math.log10(Double.parseDouble(best.parameters().get("learningRate"))), 1.0, best.toString());
        assertTrue(best.score() > r.records().get(0).score() - 1e-12, best.toString());
    }

    @Test
    void gridVisitsExactlyTheGrid() throws IOException {
        Map<String, Dimension> d = new LinkedHashMap<>();
        d.put("updater", new Dimension.Choice(List.of("sgd", "adam", "nesterovs")));
        d.put("cdK", new Dimension.IntRange(1, 2, false));
        d.put("persistent", new Dimension.Choice(List.of(false, true)));
        SearchRunner.Result r = run(SearchSpace.of(d), Generators.Kind.GRID, SEED, 1000, 1, (i, p, dir) -> i,
                tmp.resolve("grid"), false);
        Set<List<String>> seen = new HashSet<>();
        for (CandidateRecord c : r.records()) {
            seen.add(List.copyOf(c.parameters().values()));
        }
        Set<List<String>> expected = new HashSet<>();
        for (String u : List.of("sgd", "adam", "nesterovs")) {
            for (String k : List.of("1", "2")) {
                for (String p : List.of("false", "true")) {
                    expected.add(List.of(u, k, p));
                }
            }
        }
        assertEquals(12, r.records().size());
        assertEquals(expected, seen);
    }

    @Test
    void randomSearchIsReproducibleWithSeed() throws IOException {
        var a = run(plantedSpace(), Generators.Kind.RANDOM, SEED, 6, 2, PLANTED, tmp.resolve("a"), false);
        var b = run(plantedSpace(), Generators.Kind.RANDOM, SEED, 6, 1, PLANTED, tmp.resolve("b"), false);
        var c = run(plantedSpace(), Generators.Kind.RANDOM, SEED + 1, 6, 1, PLANTED, tmp.resolve("c"), false);
        assertEquals(params(a), params(b));
        assertNotEquals(params(a), params(c));
    }

    @Test
    void failingCandidateIsRecordedAndSearchContinues() throws IOException {
        CandidateEvaluator ev = (i, p, dir) -> {
            java.nio.file.Files.writeString(dir.resolve("half-written.txt"), "x");
            if (i == 1) {
                throw new IllegalStateException("planted failure");
            }
            return i == 2 ? Double.NaN : PLANTED.evaluate(i, p, dir);
        };
        var r = run(plantedSpace(), Generators.Kind.RANDOM, SEED, 4, 2, ev, tmp.resolve("f"), false);
        assertEquals(4, r.records().size());
        assertEquals(CandidateRecord.Status.FAILED, r.records().get(1).status());
        assertTrue(r.records().get(1).error().contains("planted failure"));
        assertEquals(CandidateRecord.Status.FAILED, r.records().get(2).status());
        assertTrue(r.records().get(2).error().contains("NaN"));
        assertTrue(r.records().get(3).ok());
        assertEquals(withoutTiming(r.records()), withoutTiming(ResultsTable.read(
                tmp.resolve("f").resolve(SearchRunner.RESULTS), plantedSpace().names())));
        // candidates are built aside and renamed when complete: the failed one leaves nothing, not half a candidate
        try (var files = java.nio.file.Files.list(tmp.resolve("f").resolve(SearchRunner.CANDIDATES))) {
            assertEquals(List.of("0", "2", "3"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void resumeGivesTheUninterruptedTable() throws IOException {
        for (Generators.Kind kind : Generators.Kind.values()) {
            var full = run(plantedSpace(), kind, SEED, 6, 1, PLANTED, tmp.resolve("full" + kind), false);
            run(plantedSpace(), kind, SEED, 3, 1, PLANTED, tmp.resolve("part" + kind), false);
            int[] evaluated = {0};
            CandidateEvaluator counting = (i, p, dir) -> {
                evaluated[0]++;
                return PLANTED.evaluate(i, p, dir);
            };
            var resumed = run(plantedSpace(), kind, SEED, 6, 1, counting, tmp.resolve("part" + kind), true);
            assertEquals(3, evaluated[0], kind.name());
            assertEquals(withoutTiming(full.records()), withoutTiming(resumed.records()), kind.name());
        }
    }

    private static List<Map<String, String>> params(SearchRunner.Result r) {
        return r.records().stream().map(CandidateRecord::parameters).toList();
    }

    private static List<String> withoutTiming(List<CandidateRecord> r) {
        return r.stream().map(c -> c.index() + " " + c.parameters() + " " + c.score() + " " + c.status()
                + " " + c.error()).toList();
    }
}
