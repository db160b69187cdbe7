package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.backend.BackendInfo;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.SearchConfig;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.search.Budget;
import org.rgflow.search.CandidateEvaluator;
import org.rgflow.search.PhysicsScore;
import org.rgflow.search.ThermometerCandidateEvaluator;
import org.rgflow.search.ThermometerSpace;
import org.rgflow.search.CandidateRecord;
import org.rgflow.search.Generators;
import org.rgflow.search.RbmCandidateEvaluator;
import org.rgflow.search.RbmScore;
import org.rgflow.search.SearchPlots;
import org.rgflow.search.SearchRunner;
import org.rgflow.search.SearchSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rgflow search CONFIG --dataset DIR}: an Arbiter hyper-parameter search over RBM training configs
 * ({@code model: rbm}) or thermometer networks ({@code model: thermometer}: each candidate's network configuration
 * comes from an arbiter-deeplearning4j {@code MultiLayerSpace}, {@link ThermometerSpace}; scored by held-out
 * accuracy). Writes
 * {@code results.csv} after every candidate, {@code candidates/<i>/} model directories, {@code best.json} and the
 * symbolic link {@code best} to the best candidate's directory,
 * PNG plots and {@code manifest.json}; {@code --resume} skips the candidates already in the table, after checking
 * that the config (budget aside) and dataset are those recorded in {@code search.json} ({@link SearchIdentity}).
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Hyper-parameter search (random, grid or genetic; Arbiter) over RBM training or thermometer configs.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Search config (YAML), e.g. configs/test/search-tiny.yaml.")
    Path configFile;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset directory (rgflow sample).")
    Path dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/search/<name>).")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted search in the output directory.")
    boolean resume;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. --set budget.maxCandidates=4.")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No progress line.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private ArtifactDirectory run;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ConfigLoader.Loaded<SearchConfig> loaded = ConfigLoader.of(SearchConfig.class).load(configFile, overrides);
        SearchConfig c = loaded.config();
        SpinDataset data = SpinDataset.open(dataset);
        Path target = out != null ? out : Path.of("runs", "search", c.name());
        claim(target);
        SearchIdentity identity = SearchIdentity.of(loaded.resolved(), data);
        requireSameSearch(identity, target);
        SearchSpace space = SearchSpaces.space(c);
        int nv = data.numSites();
        CandidateEvaluator evaluator;
        boolean minimize;
        if ("thermometer".equals(c.model())) {
            SearchSpaces.thermometerOptions(c, Map.of());
            if (!(SearchSpaces.thermometerOptions(c, Map.of()).heldOutFraction() > 0)) {
                throw new UserException("base.heldOutFraction must be > 0 for a search (accuracy on held-out rows)");
            }
            if (data.temperatures().size() < 2) {
                throw new UserException("a thermometer search needs a dataset with >= 2 temperatures; " + dataset
                        + " has " + data.temperatures());
            }
            ThermometerSpace network;
            try {
                network = new ThermometerSpace(space, SearchSpaces.thermometerOptions(c, Map.of()), nv,
                        data.temperatures().size());
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            evaluator = new ThermometerCandidateEvaluator(network, p -> SearchSpaces.thermometerOptions(c, p), data);
            minimize = false;
        } else {
            // validate the base config, the space's keys and the visible layer before any training
            SearchSpaces.trainConfig(c, nv, Map.of(), c.name() + "-base");
            SearchSpaces.checkTrainSpace(c, configFile, nv, data);
            double heldOut = SearchSpaces.trainConfig(c, nv, Map.of(), c.name()).heldOutFraction();
            if (!(heldOut > 0)) {
                throw new UserException("base.heldOutFraction must be > 0 for a search (scores use held-out data)");
            }
            MemoryEstimates.search(c, SearchSpaces.largest(c, nv), nv, data.numConfigurations(),
                    "physics".equals(c.score()), configFile.toString()).check();
            INDArray train = load(data, 0, 1 - heldOut);
            INDArray held = load(data, 1 - heldOut, 1);
            RbmScore score = RbmScore.valueOf(c.score().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            PhysicsScore physics = null;
            if (score == RbmScore.PHYSICS) {
                if (data.labels().isLongRange()) {
                    throw new UserException("score: physics compares observables of the nearest-neighbour Ising model;"
                            + " " + dataset + " holds long-range configurations (use another score)");
                }
                int[] temperature = temperatureIndices(data);
                try {
                    physics = new PhysicsScore(HypercubicLattice.of(data.labels().dimension(), data.labels().length()),
                            load(data, 0, 1), temperature,
                            data.temperatures().stream().mapToDouble(Double::doubleValue).toArray(),
                            c.physics().samples(), c.physics().gibbsSteps());
                } catch (IllegalArgumentException e) {
                    throw new UserException("score: physics on " + dataset + ": " + e.getMessage());
                }
                stdout.printf("physics score: %d temperature classes %s%n", physics.numClasses(),
                        physics.reference().stream().map(x -> x.label() + " (" + x.rows() + ")").toList());
            }
            evaluator = new RbmCandidateEvaluator(
                    p -> SearchSpaces.setup(SearchSpaces.trainConfig(c, nv, p, c.name())), train, held, score, physics,
                    ModelDatasetSection.of(data, data.dir(), train.rows(), held.rows(), heldOut));
            minimize = score.minimize();
        }
        Path work = workDirectory();
        Generators.Kind kind = Generators.Kind.valueOf(c.generator().type().toUpperCase(java.util.Locale.ROOT));
        var generator = Generators.create(kind, space.parameterSpace(), c.seed(), c.generator().gridPoints(),
                c.generator().populationSize(), minimize);
        Duration maxTime = c.budget().maxMinutes() == null ? null
                : Duration.ofMillis((long) (c.budget().maxMinutes() * 60_000));
        SearchRunner runner = new SearchRunner(space, generator, evaluator,
                new Budget(c.budget().maxCandidates(), maxTime), c.parallel(), minimize);
        stdout.printf("search %s: %s, %s, score %s, %d candidates, %d at a time -> %s%n", c.name(),
                kind.name().toLowerCase(java.util.Locale.ROOT), space.freeNames(), c.score(),
                c.budget().maxCandidates(), c.parallel(), target);
        stdout.flush();
        long t0 = System.nanoTime();
        identity.write(work);
        SearchRunner.Result result = runner.run(work, resume, (r, done, total, best, eta) -> {
            if (!quiet) {
                stderr.printf("candidate %d/%d %s score %s | best %s | ETA %s%n", done, total, r.status(),
                        fmt(r.score()), fmt(best), Double.isNaN(eta) ? "?" : Math.round(eta) + " s");
                stderr.flush();
            }
        });
        List<OutputFile> outputs = new ArrayList<>();
        outputs.add(OutputFile.of(work, SearchIdentity.FILE));
        outputs.add(OutputFile.of(work, SearchRunner.RESULTS));
        Map<String, Object> best = new LinkedHashMap<>();
        result.best().ifPresent(b -> {
            best.put("candidate", b.index());
            best.put("directory", SearchRunner.CANDIDATES + "/" + b.index());
            best.put("score", b.score());
            best.put("parameters", b.parameters());
        });
        AtomicFiles.write(work.resolve("best.json"), (Manifest.canonical(new com.fasterxml.jackson.databind
                .ObjectMapper().valueToTree(best)) + "\n").getBytes(StandardCharsets.UTF_8));
        outputs.add(OutputFile.of(work, "best.json"));
        if (result.best().isPresent()) { // "best" -> candidates/<i>, a model directory
            AtomicFiles.symlink(work.resolve("best"), Path.of(SearchRunner.CANDIDATES,
                    String.valueOf(result.best().get().index())));
        }
        for (String png : SearchPlots.write(work, space, result.records(), c.score())) {
            outputs.add(OutputFile.of(work, png));
        }
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("generator", c.seed());
        seeds.put("training", "base.seed of each candidate's " + ("thermometer".equals(c.model())
                ? "thermometer config (initialisation and shuffling)" : "train config (TrainSetup seed derivation)"));
        Manifest.of("search", c.name())
                .config(loaded.resolved())
                .section("configSource", loaded.source())
                .section("seeds", seeds)
                .section("dataset", identity.datasetSection())
                .section("backend", BackendInfo.current())
                .section("summary", Map.of("candidates", result.records().size(),
                        "failed", result.records().stream().filter(r -> !r.ok()).count(),
                        "wallSeconds", (System.nanoTime() - t0) / 1e9, "best", best))
                .outputs(outputs)
                .write(work);
        run.publish();
        if (!result.records().isEmpty() && result.best().isEmpty()) {
            throw allFailed(target, result);
        }
        stdout.printf("%d candidates (%d failed); best: %s%n", result.records().size(),
                result.records().stream().filter(r -> !r.ok()).count(),
                result.best().map(CandidateRecord::toString).orElse("none"));
        stdout.flush();
        return 0;
    }

    /** Claims the output directory, refusing without {@code --resume} when a search (finished or not) is there. */
    private void claim(Path target) throws IOException {
        run = Outputs.claim(spec, target, "search", w -> Files.exists(w.resolve(SearchRunner.RESULTS)), dataset,
                configFile);
        if (!resume && (run.manifest().isPresent() || !run.interrupted().isEmpty())) {
            throw new UserException(target + " already holds a" + (run.manifest().isPresent() ? "" : "n interrupted")
                    + " search: use --resume to continue it, or another --out");
        }
    }

    /**
     * With {@code --resume}, refuses (before anything is adopted or copied) when the search to continue, the newest
     * interrupted one or else the finished one, was started with another config ({@code budget.*} aside) or dataset.
     */
    private void requireSameSearch(SearchIdentity identity, Path target) throws IOException {
        if (!resume) {
            return;
        }
        List<Path> interrupted = run.interrupted();
        Path existing = !interrupted.isEmpty() ? interrupted.get(0) : run.manifest().isPresent() ? target : null;
        if (existing != null && Files.exists(existing.resolve(SearchRunner.RESULTS))) {
            SearchIdentity.read(existing).orElseThrow(() -> new UserException(target + " holds a search without a "
                    + "record of its config and dataset (" + SearchIdentity.FILE + "), so --resume cannot check "
                    + "them; start a new --out")).requireSame(identity, target);
        }
    }

    /**
     * The work directory to search in: with {@code --resume}, the newest interrupted search of the output
     * directory, or else a copy of the finished one (its files hard-linked), or else a new one.
     */
    private Path workDirectory() throws IOException {
        List<Path> interrupted = run.interrupted();
        if (!interrupted.isEmpty()) {
            Path work = run.adopt(interrupted.get(0));
            run.discardInterrupted();
            return work;
        }
        return run.manifest().isPresent() ? run.newWorkFromTarget() : run.newWork();
    }

    /**
     * A search without any successful candidate fails (its table and manifest are written): exit 2 when the first
     * failure is an input fault (a candidate config that does not validate, a NaN score, a replayed row), else that
     * failure's own code.
     */
    private static CommandFailedException allFailed(Path target, SearchRunner.Result result) {
        CandidateRecord first = result.records().get(0);
        Throwable cause = result.causes().get(first.index());
        int code = cause == null ? ErrorReport.EXIT_INPUT : ErrorReport.of(cause, null).exitCode();
        return new CommandFailedException(code, "all " + result.records().size() + " candidates failed ("
                + target.resolve(SearchRunner.RESULTS) + "); the first: " + first.error(), cause);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.5g", v);
    }

    /** The temperature index (into {@code data.temperatures()}) of every row, in the order of {@link #load}. */
    private static int[] temperatureIndices(SpinDataset data) {
        SpinDataSetIterator it = SpinDataSetIterator.builder(data).rows(0, 1).labelsOneHot(true).batchSize(4096).build();
        List<int[]> parts = new ArrayList<>();
        int n = 0;
        while (it.hasNext()) {
            INDArray labels = it.next().getLabels();
            int[] idx = labels.argMax(1).toIntVector();
            parts.add(idx);
            n += idx.length;
        }
        int[] all = new int[n];
        int k = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, all, k, p.length);
            k += p.length;
        }
        return all;
    }

    /** Rows [from, to) of every shard as {0,1} float [n, numSites]. */
    private static INDArray load(SpinDataset data, double from, double to) {
        SpinDataSetIterator it = SpinDataSetIterator.builder(data).rows(from, to).batchSize(4096).build();
        List<INDArray> parts = new ArrayList<>();
        while (it.hasNext()) {
            parts.add(it.next().getFeatures());
        }
        if (parts.isEmpty()) {
            throw new UserException("dataset " + data.dir() + " has no rows in [" + from + ", " + to + ")");
        }
        return Nd4j.vstack(parts.toArray(new INDArray[0]));
    }
}
