package org.rgflow.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rgflow.cli.RgflowCommand;

/**
 * A small labelled dataset for thermometer tests: {@code rgflow sample} on an 8&times;8 NN Ising lattice at
 * {@value #TEMPERATURES}, {@value #PER_TEMPERATURE} configurations each (a few seconds).
 */
public final class ThermometerTestData {

    /** The temperatures (YAML list). */
    public static final String TEMPERATURES = "[1.0, 2.0, 2.5, 3.0, 4.0]";
    /** Number of temperatures. */
    public static final int NUM_TEMPERATURES = 5;
    /** Configurations per temperature. */
    public static final int PER_TEMPERATURE = 500;

    private ThermometerTestData() {
    }

    /** Samples the dataset into {@code dir/dataset} and returns that directory. */
    public static Path create(Path dir) throws IOException {
        return create(dir, TEMPERATURES, PER_TEMPERATURE);
    }

    /** Samples an 8&times;8 dataset at {@code temperatures} (YAML list) into {@code dir/dataset}. */
    public static Path create(Path dir, String temperatures, int perTemperature) throws IOException {
        Path config = dir.resolve("sample-thermo.yaml");
        Files.writeString(config, String.join("\n",
                "kind: sample",
                "name: test-thermo-L8",
                "seed: 5",
                "lattice: { dimension: 2, length: 8 }",
                "hamiltonian: { type: nearest-neighbour }",
                "temperatures: { values: " + temperatures + " }",
                "sampler: { rule: auto, numChains: 4, thermalizationSweeps: 100, sweepsBetweenSamples: 0,"
                        + " configurationsPerTemperature: " + perTemperature + ", globalFlip: true }",
                "output: { shardSize: " + perTemperature + " }", ""));
        Path out = dir.resolve("dataset");
        StringWriter err = new StringWriter();
        var cl = RgflowCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("sample", config.toString(), "--out", out.toString(), "--quiet");
        if (code != 0) {
            throw new IllegalStateException("rgflow sample failed (" + code + "): " + err);
        }
        return out;
    }
}
