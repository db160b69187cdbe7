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
import org.rgflow.backend.BackendInfo;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.SampleConfig;
import org.rgflow.config.SamplerConfig;
import org.rgflow.data.DatasetIndex;
import org.rgflow.data.DatasetLabels;
import org.rgflow.data.SpinDataset;
import org.rgflow.data.SpinDatasetWriter;
import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.lattice.Lattice;
import org.rgflow.mc.InitialState;
import org.rgflow.mc.SamplingSchedule;
import org.rgflow.mc.TemperatureResult;
import org.rgflow.mc.TemperatureScan;
import org.rgflow.mc.UpdateRule;
import org.rgflow.mc.UpdateRules;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rgflow sample [config.yaml]}: Monte Carlo samples of a spin model at a list of
 * temperatures, written as a dataset directory (int8 .npy shards, observables table, manifest).
 * The directory is built under a temporary name and renamed when complete.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample spin configurations by Monte Carlo into a dataset directory.")
final class SampleCommand implements Callable<Integer> {

    static final String BUILT_IN = "/org/rgflow/config/quick/sample.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "YAML config (default: the built-in quick config, configs/quick/sample.yaml).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. --set sampler.numChains=16.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: datasets/<name>-<config hash>).")
    Path out;

    @Option(names = "--force", description = "Replace an existing dataset directory (only an rgflow dataset; never an input).")
    boolean force;

    @Option(names = "--print-config", description = "Print the resolved config (defaults filled in) and exit.")
    boolean printConfig;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ConfigLoader<SampleConfig> loader = ConfigLoader.of(SampleConfig.class);
        ConfigLoader.Loaded<SampleConfig> loaded = configFile == null
                ? loader.loadResource(BUILT_IN, overrides)
                : loader.load(configFile, overrides);
        if (printConfig) {
            stdout.print(ConfigLoader.toYaml(loaded.resolved()));
            stdout.flush();
            return 0;
        }
        SampleConfig config = loaded.config();
        MemoryEstimates.sample(config, loaded.source()).check(); // before the lattice's neighbour table
        Lattice lattice = ModelFactory.lattice(config.lattice());
        Hamiltonian hamiltonian = ModelFactory.hamiltonian(lattice, config.hamiltonian());
        SamplerConfig sc = config.sampler();
        UpdateRule rule = UpdateRules.create(sc.rule(), hamiltonian, sc.threads());
        BackendInfo backend = BackendInfo.current();
        backend.require(config.backend().require());

        String configSha = Manifest.configSha256(loaded.resolved());
        String id = config.name() + "-" + configSha.substring(0, 8);
        Path target = out != null ? out : Path.of("datasets", id);
        ArtifactDirectory run = Outputs.claim(spec, target, "dataset", configFile);
        if (upToDate(target, configSha, stdout)) {
            return 0;
        }
        Path work = run.newWork();

        double[] temperatures = config.temperatures().toArray();
        SamplingSchedule schedule = new SamplingSchedule(sc.thermalizationSweeps(), sc.sweepsBetweenSamples(),
                sc.configurationsPerTemperature(), sc.globalFlip(),
                "ordered".equals(sc.start()) ? InitialState.ORDERED : InitialState.RANDOM);
        TemperatureScan scan = TemperatureScan.of(hamiltonian, rule, sc.numChains(), schedule);
        DatasetLabels labels = new DatasetLabels(lattice.dimension(), lattice.length(), hamiltonian.model(),
                ModelFactory.sigma(config.hamiltonian()));
        stdout.printf("sampling %s: %s, rule %s, %d chains, %d temperatures -> %s%n", id, hamiltonian, rule.name(),
                sc.numChains(), temperatures.length, target);
        stdout.flush();
        long t0 = System.nanoTime();
        List<TemperatureResult> results;
        DatasetIndex index;
        List<OutputFile> outputs = new ArrayList<>();
        try (SpinDatasetWriter writer = SpinDatasetWriter.create(work, labels, config.output().shardSize());
                ProgressDisplay progress = new ProgressDisplay(quiet, temperatures.length)) {
            results = scan.run(temperatures, config.seed(), writer::write, progress);
            index = writer.finish();
            outputs.addAll(writer.files());
        }
        String table = ObservablesTable.csv(results);
        AtomicFiles.write(work.resolve(ObservablesTable.FILE), table.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        outputs.add(OutputFile.of(work, ObservablesTable.FILE));

        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("master", config.seed());
        seeds.put("derivation", "temperature i: Seeds.temperatureSeed(master, i); chain c: Seeds.chainSeed(temperatureSeed, c)"
                + " (SplitMix64 children, org.rgflow.mc.Seeds)");
        seeds.put("perTemperature", results.stream().map(TemperatureResult::seed).toList());
        Manifest.of("dataset", id)
                .config(loaded.resolved())
                .section("configSource", loaded.source())
                .section("seeds", seeds)
                .section("backend", backend)
                .section("model", hamiltonian.parameters())
                .section("diagnostics", Map.of("temperatures", results.stream().map(TemperatureResult::toMap).toList(),
                        "wallSeconds", (System.nanoTime() - t0) / 1e9))
                .section("dataset", index)
                .outputs(outputs)
                .write(work);
        run.publish(); // an existing target is only replaced with --force (upToDate)
        stdout.print(ObservablesTable.pretty(results));
        stdout.printf("wrote %d configurations in %d shards to %s (%.1f s)%n", index.numConfigurations(),
                index.shards().size(), target, (System.nanoTime() - t0) / 1e9);
        stdout.flush();
        return 0;
    }

    /** True if {@code target} already holds a verified dataset of this exact config. */
    private boolean upToDate(Path target, String configSha, PrintWriter stdout) throws IOException {
        if (!Files.exists(target)) {
            return false;
        }
        Path manifest = target.resolve("manifest.json");
        if (Files.exists(manifest)) {
            String existing = Manifest.read(manifest).path("configSha256").asText("");
            if (existing.equals(configSha) && !force) {
                SpinDataset.open(target); // verifies every shard's size and SHA-256
                stdout.printf("%s is up to date (same config %s, checksums verified); use --force to resample%n",
                        target, configSha.substring(0, 8));
                stdout.flush();
                return true;
            }
        }
        if (!force) {
            throw new UserException(target + " already exists and was not made from this config; choose another --out "
                    + "or pass --force to replace it");
        }
        return false;
    }
}
