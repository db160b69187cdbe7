package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.CriticalConfig;
import org.rgflow.config.CriticalRefinementConfig;
import org.rgflow.config.CriticalSamplingConfig;
import org.rgflow.config.LatticeConfig;
import org.rgflow.critical.CriticalListener;
import org.rgflow.critical.CriticalOptions;
import org.rgflow.critical.CriticalReport;
import org.rgflow.critical.CriticalResult;
import org.rgflow.critical.CriticalRunner;
import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.mc.ScanListener;
import org.rgflow.mc.UpdateRules;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow critical CONFIG}: T_c from Binder crossings and scaling dimensions at T_c, written to
 * {@code runs/critical/<name>-<config hash>/} (CSV tables, PNG figures, manifest.json). The directory
 * is built under a temporary name and renamed when complete.
 */
@Command(name = "critical", mixinStandardHelpOptions = true,
        description = "Critical temperature (Binder crossings) and scaling dimensions from Monte Carlo.")
final class CriticalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "YAML config, e.g. configs/critical/ising2d-nn.yaml.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. --set sizes=[8,16].")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/critical/<name>-<config hash>).")
    Path out;

    @Option(names = "--quick", description = "A tenth of the samples (a smoke run; recorded in the resolved config).")
    boolean quick;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ConfigLoader<CriticalConfig> loader = ConfigLoader.of(CriticalConfig.class);
        ConfigLoader.Loaded<CriticalConfig> loaded = loader.load(configFile, overrides);
        if (quick) {
            List<String> more = new ArrayList<>(overrides);
            CriticalSamplingConfig s = loaded.config().sampling();
            CriticalRefinementConfig r = loaded.config().refinement();
            more.add("sampling.samplesPerChain=" + Math.max(100, s.samplesPerChain() / 10));
            more.add("sampling.thermalizationSweeps=" + Math.max(100, s.thermalizationSweeps() / 10));
            more.add("refinement.samplesPerChain=" + Math.max(200, r.samplesPerChain() / 10));
            loaded = loader.load(configFile, more);
        }
        CriticalConfig config = loaded.config();
        MemoryEstimates.critical(config, loaded.source()).check();
        String configSha = Manifest.configSha256(loaded.resolved());
        String id = config.name() + "-" + configSha.substring(0, 8);
        Path target = out != null ? out : Path.of("runs", "critical", id);
        ArtifactDirectory run = Outputs.claim(spec, target, "critical", configFile);
        if (Files.exists(target.resolve("manifest.json"))
                && configSha.equals(Manifest.read(target.resolve("manifest.json")).path("configSha256").asText(""))) {
            stdout.printf("%s is up to date (same config %s)%n", target, configSha.substring(0, 8));
            stdout.flush();
            return 0;
        }
        if (Files.exists(target)) {
            throw new UserException(target + " already exists and was not made from this config; choose another --out");
        }
        Path work = run.newWork();

        CriticalSamplingConfig s = config.sampling();
        CriticalRefinementConfig r = config.refinement();
        CriticalOptions options = new CriticalOptions(config.sizes().stream().mapToInt(Integer::intValue).toArray(),
                config.temperatures().toArray(), s.numChains(), s.thermalizationSweeps(), s.sweepsBetweenSamples(),
                s.samplesPerChain(), r.enabled(), r.samplesPerChain(), r.correlatorMinDistance(),
                r.correlatorMaxFraction(), config.seed());
        CriticalRunner runner = CriticalRunner.of(
                l -> ModelFactory.hamiltonian(ModelFactory.lattice(new LatticeConfig(config.dimension(), l)),
                        config.hamiltonian()),
                h -> UpdateRules.create(s.rule(), h, s.threads()), options);
        stdout.printf("critical %s: %s, sizes %s, %d temperatures in [%g, %g] -> %s%n", id,
                config.hamiltonian().getClass().getSimpleName().replace("Config", ""), config.sizes(),
                options.temperatures().length, options.temperatures()[0],
                options.temperatures()[options.temperatures().length - 1], target);
        stdout.flush();
        CriticalResult result = runner.run(new Progress(quiet));
        List<OutputFile> outputs = new ArrayList<>();
        for (String f : CriticalReport.write(result, work)) {
            outputs.add(OutputFile.of(work, f));
        }
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("master", config.seed());
        seeds.put("derivation", "size s: Seeds.child(master, s); coarse temperature i: Seeds.temperatureSeed(sizeSeed, i);"
                + " refinement: Seeds.child(sizeSeed, CriticalOptions.REFINEMENT_STREAM); chain c: Seeds.chainSeed(runSeed, c)");
        Hamiltonian largest = ModelFactory.hamiltonian(ModelFactory.lattice(
                new LatticeConfig(config.dimension(), config.sizes().get(config.sizes().size() - 1))), config.hamiltonian());
        Manifest.of("critical", id)
                .config(loaded.resolved())
                .section("configSource", loaded.source())
                .section("seeds", seeds)
                .section("model", largest.parameters())
                .section("results", CriticalReport.summary(result))
                .outputs(outputs)
                .write(work);
        run.publish();
        stdout.print(summaryText(result));
        stdout.printf("wrote %s (%.1f s)%n", target, result.seconds());
        stdout.flush();
        return 0;
    }

    private static String summaryText(CriticalResult r) {
        StringBuilder sb = new StringBuilder();
        CriticalReport.summary(r).forEach((k, v) -> sb.append(String.format("  %-34s %s%n", k, v)));
        return sb.toString();
    }

    /** One progress display per stage and size. */
    private static final class Progress implements CriticalListener {
        private final boolean quiet;
        private ProgressDisplay display;

        Progress(boolean quiet) {
            this.quiet = quiet;
        }

        @Override
        public ScanListener stageStarted(String stage, int length, int numTemperatures) {
            display = new ProgressDisplay(quiet, numTemperatures, stage + " L=" + length + " ");
            return display;
        }

        @Override
        public void stageFinished(String stage, int length) {
            if (display != null) {
                display.close();
                display = null;
            }
        }
    }
}
