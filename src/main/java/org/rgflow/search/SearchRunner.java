package org.rgflow.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.rgflow.provenance.DirectorySwap;

/**
 * Runs a search: draws candidates from an Arbiter {@link CandidateGenerator} in batches of {@code threads},
 * evaluates a batch in parallel, then reports the scores to the generator and appends the rows to
 * {@code results.csv} in candidate order. Batching makes the sequence of candidates independent of timing, so
 * random, grid and genetic searches are reproducible from their seed for any thread count.
 *
 * <p>A candidate that throws, or scores NaN/&plusmn;&infin;, is recorded FAILED with its reason and the search goes
 * on. Resume: rows already in the table are not re-run; their parameters must equal the regenerated ones and their
 * scores are reported to the generator as if just computed. Arbiter's {@code LocalOptimizationRunner} is not used
 * because its completion-order reporting and in-memory results make neither guarantee.
 */
public final class SearchRunner {

    /** Results-table name inside the output directory. */
    public static final String RESULTS = "results.csv";
    /** Sub-directory of candidate model directories, {@code candidates/<index>/}. */
    public static final String CANDIDATES = "candidates";

    private final SearchSpace space;
    private final CandidateGenerator generator;
    private final CandidateEvaluator evaluator;
    private final Budget budget;
    private final int threads;
    private final boolean minimize;
    private final Map<Integer, Throwable> causes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param generator a generator over {@code space.parameterSpace()}-valued candidates
     * @param threads   candidates evaluated at once (&ge; 1)
     * @param minimize  whether lower scores are better
     */
    public SearchRunner(SearchSpace space, CandidateGenerator generator, CandidateEvaluator evaluator, Budget budget,
            int threads, boolean minimize) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.space = space;
        this.generator = generator;
        this.evaluator = evaluator;
        this.budget = budget;
        this.threads = threads;
        this.minimize = minimize;
    }

    /**
     * The outcome: all rows in order, the best successful one, and the exceptions of the candidates that failed by
     * throwing in this run (by index; rows replayed by resume have only their recorded reason).
     */
    public record Result(List<CandidateRecord> records, Optional<CandidateRecord> best, Map<Integer, Throwable> causes) {
    }

    /**
     * @param outDir output directory ({@value #RESULTS} and {@value #CANDIDATES}/ are written here)
     * @param resume continue from an existing {@value #RESULTS}
     */
    public Result run(Path outDir, boolean resume, SearchListener listener) throws IOException {
        causes.clear();
        Files.createDirectories(outDir.resolve(CANDIDATES));
        Path table = outDir.resolve(RESULTS);
        Map<Integer, CandidateRecord> previous = new HashMap<>();
        if (resume && Files.exists(table)) {
            ResultsTable.read(table, space.names()).forEach(r -> previous.put(r.index(), r));
        }
        int grid = Generators.gridSize(generator);
        int total = grid > 0 ? Math.min(grid, budget.maxCandidates()) : budget.maxCandidates();
        List<CandidateRecord> records = new ArrayList<>();
        long start = System.nanoTime();
        int evaluatedThisRun = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "search-candidate");
            t.setDaemon(true);
            return t;
        });
        try {
            while (records.size() < total && generator.hasMoreCandidates() && !timeUp(start)) {
                List<Candidate> batch = new ArrayList<>();
                while (batch.size() < threads && records.size() + batch.size() < total
                        && generator.hasMoreCandidates()) {
                    batch.add(generator.getCandidate());
                }
                List<Future<CandidateRecord>> futures = new ArrayList<>();
                for (Candidate c : batch) {
                    CandidateRecord old = previous.get(c.getIndex());
                    if (old != null) {
                        checkSame(old, c);
                        futures.add(java.util.concurrent.CompletableFuture.completedFuture(old));
                    } else {
                        evaluatedThisRun++;
                        futures.add(pool.submit(() -> evaluate(c, outDir)));
                    }
                }
                for (int i = 0; i < batch.size(); i++) {
                    CandidateRecord r = get(futures.get(i));
                    Double score = r.ok() ? r.score() : null;
                    generator.reportResults(new OptimizationResult(batch.get(i), score, r.index(), null, null, null));
                    records.add(r);
                }
                ResultsTable.write(table, space.names(), records);
                double elapsed = (System.nanoTime() - start) * 1e-9;
                int newDone = evaluatedThisRun;
                double eta = newDone == 0 ? Double.NaN : elapsed / newDone * (total - records.size());
                for (int i = records.size() - batch.size(); i < records.size(); i++) {
                    listener.onCandidate(records.get(i), i + 1, total, best(records.subList(0, i + 1))
                            .map(CandidateRecord::score).orElse(Double.NaN), eta);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(List.copyOf(records), best(records), Map.copyOf(causes));
    }

    private CandidateRecord evaluate(Candidate c, Path outDir) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) c.getValue();
        Map<String, String> text = params == null ? Map.of() : CandidateRecord.text(params);
        if (c.getException() != null || params == null) {
            return failed(c.getIndex(), text, 0, "candidate generation: " + c.getException());
        }
        Path target = outDir.resolve(CANDIDATES).resolve(Integer.toString(c.getIndex()));
        Path dir = DirectorySwap.newWork(target); // built aside, swapped in when complete
        long t0 = System.nanoTime();
        try {
            double score = evaluator.evaluate(c.getIndex(), params, c.getFlatParameters(), dir);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            DirectorySwap.swap(dir, target);
            if (!Double.isFinite(score)) {
                return failed(c.getIndex(), text, seconds, "score is " + score);
            }
            return new CandidateRecord(c.getIndex(), text, score, seconds, CandidateRecord.Status.OK, "");
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            causes.put(c.getIndex(), e);
            return failed(c.getIndex(), text, (System.nanoTime() - t0) * 1e-9,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (Files.exists(dir)) {
                DirectorySwap.deleteWork(dir); // not swapped in: a failed candidate
            }
        }
    }

    private static CandidateRecord failed(int index, Map<String, String> params, double seconds, String why) {
        return new CandidateRecord(index, params, Double.NaN, seconds, CandidateRecord.Status.FAILED, why);
    }

    private void checkSame(CandidateRecord old, Candidate c) {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) c.getValue();
        if (params != null && !CandidateRecord.text(params).equals(old.parameters())) {
            throw new IllegalArgumentException("resume: candidate " + c.getIndex() + " regenerates as "
                    + CandidateRecord.text(params) + " but the results table has " + old.parameters()
                    + "; the config or seed changed: start a new output directory");
        }
    }

    private boolean timeUp(long start) {
        return budget.maxTime() != null && System.nanoTime() - start >= budget.maxTime().toNanos();
    }

    private Optional<CandidateRecord> best(List<CandidateRecord> records) {
        Comparator<CandidateRecord> byScore = Comparator.comparingDouble(CandidateRecord::score);
        return records.stream().filter(CandidateRecord::ok).reduce((a, b) ->
                (minimize ? byScore.compare(b, a) < 0 : byScore.compare(b, a) > 0) ? b : a);
    }

    private static CandidateRecord get(Future<CandidateRecord> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("search interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("candidate evaluation crashed: " + e.getCause(), e.getCause());
        }
    }
}
