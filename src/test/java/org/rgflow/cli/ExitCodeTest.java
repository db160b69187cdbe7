package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.provenance.Sha256;
import org.rgflow.testing.Nd4jTestBase;

/**
 * README's exit-code promise, table-driven: every subcommand, run in process against bad inputs (a missing file,
 * truncated JSON, a corrupt zip whose checksum matches, a checksum mismatch, an unwritable --out, a duplicate config
 * key, a bad option), prints exactly one line on stderr, naming the file, without a stack trace, and exits 2 for
 * inputs and 1 for environment faults.
 */
class ExitCodeTest extends Nd4jTestBase {

    private static final String SAMPLE = "configs/test/sample-tiny.yaml";
    private static final String TRAIN = "configs/test/train-tiny.yaml";
    private static final String SEARCH = "configs/test/search-tiny.yaml";
    private static final String THERMO = "configs/test/thermometer-tiny.yaml";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void inputs() throws Exception {
        ok("sample", SAMPLE, "--out", p("ds"), "-q");
        ok("train", TRAIN, "--dataset", p("ds"), "--out", p("model"), "-q");
        ok("thermometer", "train", "--config", THERMO, "--dataset", p("ds"), "--out", p("thermo"), "--set",
                "epochs=1", "-q");
        damaged("model", "model-trunc", d -> truncate(d.resolve("manifest.json"), 200));
        damaged("model", "model-zip", d -> {
            truncate(d.resolve("model.zip"), 1000);
            rehash(d.resolve("manifest.json"), "model.zip", d.resolve("model.zip"));
        });
        damaged("model", "model-sum", d -> append(d.resolve("model.zip")));
        damaged("thermo", "thermo-trunc", d -> truncate(d.resolve("thermometer.json"), 100));
        damaged("thermo", "thermo-zip", d -> {
            truncate(d.resolve("thermometer.zip"), 1000);
            ObjectMapper json = new ObjectMapper();
            ObjectNode desc = (ObjectNode) json.readTree(d.resolve("thermometer.json").toFile());
            desc.put("modelSha256", Sha256.of(d.resolve("thermometer.zip")));
            json.writeValue(d.resolve("thermometer.json").toFile(), desc);
        });
        damaged("thermo", "thermo-sum", d -> append(d.resolve("thermometer.zip")));
        damaged("ds", "ds-trunc", d -> truncate(d.resolve("manifest.json"), 300));
        damaged("ds", "ds-sum", d -> append(d.resolve("spins-00002.npy")));
        Files.writeString(tmp.resolve("a-file"), "not a directory");
        Files.writeString(tmp.resolve("dup.yaml"), Files.readString(Path.of(SAMPLE)) + "seed: 43\n");
    }

    static Stream<Arguments> faults() {
        List<Arguments> rows = new ArrayList<>();
        // missing files
        row(rows, 2, "nope.yaml", "sample", p("nope.yaml"));
        row(rows, 2, "nope.yaml", "critical", p("nope.yaml"));
        row(rows, 2, "nope.yaml", "train", p("nope.yaml"), "--dataset", p("ds"));
        row(rows, 2, "no-ds", "train", TRAIN, "--dataset", p("no-ds"));
        row(rows, 2, "no-model", "sample-model", p("no-model"));
        row(rows, 2, "no-ds", "search", SEARCH, "--dataset", p("no-ds"), "-q");
        row(rows, 2, "no-model", "analyze", "flow", p("no-model"));
        row(rows, 2, "no-ds", "analyze", "rg", p("no-ds"));
        row(rows, 2, "no-ds", "analyze", "correlators", p("model"), "--dataset", p("no-ds"));
        row(rows, 2, "no-model", "analyze", "weights", p("no-model"));
        row(rows, 2, "no-ds", "analyze", "stacked-flow", p("model"), "--dataset", p("no-ds"));
        row(rows, 2, "no-ds", "thermometer", "train", "--config", THERMO, "--dataset", p("no-ds"));
        row(rows, 2, "no-thermo", "thermometer", "eval", p("no-thermo"), "--dataset", p("ds"));
        row(rows, 2, "no-thermo", "analyze", "flow", p("model"), "--thermometer", p("no-thermo"));
        row(rows, 2, "nosuchpaper", "reproduce", "nosuchpaper");
        // truncated JSON
        row(rows, 2, "model-trunc/manifest.json", "sample-model", p("model-trunc"));
        row(rows, 2, "model-trunc/manifest.json", "analyze", "weights", p("model-trunc"));
        row(rows, 2, "model-trunc/manifest.json", "analyze", "flow", p("model-trunc"));
        row(rows, 2, "thermo-trunc/thermometer.json", "thermometer", "eval", p("thermo-trunc"), "--dataset", p("ds"));
        row(rows, 2, "thermo-trunc/thermometer.json", "analyze", "flow", p("model"), "--thermometer",
                p("thermo-trunc"));
        row(rows, 2, "ds-trunc/manifest.json", "train", TRAIN, "--dataset", p("ds-trunc"));
        row(rows, 2, "ds-trunc/manifest.json", "thermometer", "eval", p("thermo"), "--dataset", p("ds-trunc"));
        row(rows, 2, "ds-trunc/manifest.json", "search", SEARCH, "--dataset", p("ds-trunc"), "-q");
        // a corrupt zip whose checksum matches its manifest
        row(rows, 2, "model-zip/model.zip", "sample-model", p("model-zip"), "--temperature-label", "2");
        row(rows, 2, "model-zip/model.zip", "analyze", "weights", p("model-zip"));
        row(rows, 2, "model-zip/model.zip", "analyze", "correlators", p("model-zip"), "--dataset", p("ds"));
        row(rows, 2, "thermo-zip/thermometer.zip", "thermometer", "eval", p("thermo-zip"), "--dataset", p("ds"));
        // checksum mismatch
        row(rows, 2, "model-sum/model.zip", "sample-model", p("model-sum"), "--temperature-label", "2");
        row(rows, 2, "model-sum/model.zip", "analyze", "stacked-flow", p("model-sum"), "--dataset", p("ds"));
        row(rows, 2, "thermo-sum/thermometer.zip", "thermometer", "eval", p("thermo-sum"), "--dataset", p("ds"));
        row(rows, 2, "ds-sum/spins-00002.npy", "analyze", "rg", p("ds-sum"), "--temperature", "2");
        row(rows, 2, "ds-sum/spins-00002.npy", "train", TRAIN, "--dataset", p("ds-sum"));
        // --out where a file is in the way: the file system refuses (environment, exit 1)
        String bad = p("a-file") + "/out";
        row(rows, 1, "a-file", "sample", SAMPLE, "--out", bad, "-q");
        row(rows, 1, "a-file", "critical", "configs/test/critical-tiny.yaml", "--out", bad);
        row(rows, 1, "a-file", "train", TRAIN, "--dataset", p("ds"), "--out", bad, "-q");
        row(rows, 1, "a-file", "sample-model", p("model"), "--temperature-label", "2", "--out", bad);
        row(rows, 1, "a-file", "search", SEARCH, "--dataset", p("ds"), "--out", bad, "-q");
        row(rows, 1, "a-file", "analyze", "weights", p("model"), "--out", bad);
        row(rows, 1, "a-file", "analyze", "rg", p("ds"), "--temperature", "2", "--out", bad);
        row(rows, 1, "a-file", "thermometer", "train", "--config", THERMO, "--dataset", p("ds"), "--set", "epochs=1",
                "--out", bad, "-q");
        row(rows, 1, "a-file", "thermometer", "eval", p("thermo"), "--dataset", p("ds"), "--out", bad);
        row(rows, 1, "a-file", "reproduce", "koch2020", "--tiny", "--root", p("root"), "--out", bad);
        // sizes that validate but cannot fit in memory: refused before work, naming the limit and RGFLOW_JAVA_OPTS
        row(rows, 2, "RGFLOW_JAVA_OPTS", "sample", SAMPLE, "--set", "lattice.length=16384", "--set",
                "sampler.numChains=65536", "--out", p("too-big"), "-q");
        row(rows, 2, "sizes: L^d = 4096^3", "critical", "configs/test/critical-tiny.yaml", "--set", "sizes=[8,4096]",
                "--set", "dimension=3");
        row(rows, 2, "RGFLOW_JAVA_OPTS", "sample-model", p("model"), "--chains", "2000000000", "--out", p("x"));
        row(rows, 2, "RGFLOW_JAVA_OPTS", "analyze", "flow", p("model"), "--chains", "2000000000", "--out", p("x"));
        row(rows, 2, "RGFLOW_JAVA_OPTS", "train", TRAIN, "--dataset", p("ds"), "--set", "layers=[64,16000000]");
        row(rows, 2, "RGFLOW_JAVA_OPTS", "search", SEARCH, "--dataset", p("ds"), "--set",
                "space.numHidden={\"values\":[2,16000000]}", "--out", p("x"), "-q");
        row(rows, 2, "layers: 100000 x 100000", "train", TRAIN, "--dataset", p("ds"), "--set",
                "layers=[64,100000,100000]");
        // bad configs and arguments
        row(rows, 2, "dup.yaml", "sample", p("dup.yaml"));
        row(rows, 2, "--chains", "sample-model", p("model"), "--chains", "many");
        row(rows, 2, "--nosuch", "bench", "sampler", "--nosuch");
        row(rows, 2, "--nosuch", "info", "--nosuch");
        return rows.stream();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("faults")
    void oneLineNamingTheFileAndTheRightExitCode(int code, String args, String named) {
        Run r = SampleCommandTest.rgflow(args.split(" "));
        String err = r.err().strip();
        assertEquals(code, r.code(), err);
        assertEquals(1, err.lines().count(), "one line:\n" + err);
        assertTrue(err.startsWith("rgflow: error: ") && err.contains(named), "names " + named + ": " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.contains("internal error"),
                err);
    }

    /** --verbose adds the stack trace to the same line. */
    @Test
    void verboseAddsTheStackTrace() {
        Run r = SampleCommandTest.rgflow("analyze", "weights", p("model-zip"), "--verbose");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("rgflow: error: ") && r.err().contains("\tat "), r.err());
    }

    private static void row(List<Arguments> rows, int code, String named, String... args) {
        rows.add(Arguments.of(code, String.join(" ", args), named));
    }

    private static String p(String name) {
        return tmp.resolve(name).toString();
    }

    private static void ok(String... args) {
        Run r = SampleCommandTest.rgflow(args);
        assertEquals(0, r.code(), r.err());
    }

    @FunctionalInterface
    private interface Damage {
        void apply(Path dir) throws Exception;
    }

    private static void damaged(String from, String to, Damage damage) throws Exception {
        Path src = tmp.resolve(from);
        Path dst = tmp.resolve(to);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(src.relativize(f).toString()));
            }
        }
        damage.apply(dst);
    }

    private static void truncate(Path file, int bytes) throws Exception {
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), bytes));
    }

    private static void append(Path file) throws Exception {
        Files.write(file, new byte[] {0}, StandardOpenOption.APPEND);
    }

    /** Makes a model manifest's entry for {@code name} match the (damaged) file again. */
    private static void rehash(Path manifest, String name, Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        for (var o : m.get("outputs")) {
            if (name.equals(o.get("path").asText())) {
                ((ObjectNode) o).put("bytes", Files.size(file)).put("sha256", Sha256.of(file));
            }
        }
        json.writeValue(manifest.toFile(), m);
    }
}
