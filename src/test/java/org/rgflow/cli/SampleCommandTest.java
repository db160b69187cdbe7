package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;
import org.rgflow.testing.Nd4jTestBase;
import picocli.CommandLine;

/** End to end: {@code rgflow sample configs/test/sample-tiny.yaml} into a temporary directory. */
class SampleCommandTest extends Nd4jTestBase {

    private static final String CONFIG = "configs/test/sample-tiny.yaml";

    record Run(int code, String out, String err) {
    }

    static Run rgflow(String... args) {
        CommandLine cl = RgflowCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesVerifiedDatasetWithManifestAndIsReproducible(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Run run = rgflow("sample", CONFIG, "--out", a.toString(), "--quiet");
        assertEquals(0, run.code(), run.err());
        JsonNode manifest = Manifest.read(a.resolve("manifest.json"));
        assertEquals("dataset", manifest.get("kind").asText());
        assertTrue(manifest.get("id").asText().startsWith("test-tiny-L8-"));
        assertEquals(42, manifest.at("/config/seed").asLong());
        assertEquals("CPU", manifest.at("/backend/backend").asText());
        assertTrue(manifest.at("/backend/blasConfig").asText().startsWith("OpenBLAS 0.3.19"), manifest.toString());
        assertFalse(manifest.at("/backend/blasCore").asText().isEmpty());
        assertFalse(manifest.at("/backend/blasCoreSource").asText().isEmpty());
        assertEquals(3, manifest.at("/diagnostics/temperatures").size());
        assertEquals("ground-state", manifest.at("/diagnostics/temperatures/0/rule").asText());
        assertEquals(600, manifest.at("/dataset/numConfigurations").asInt());
        // every output is listed with its true size and hash, and nothing else is in the directory
        List<String> listed = new java.util.ArrayList<>();
        for (JsonNode o : manifest.get("outputs")) {
            Path f = a.resolve(o.get("path").asText());
            assertEquals(Files.size(f), o.get("bytes").asLong());
            assertEquals(Sha256.of(f), o.get("sha256").asText());
            listed.add(o.get("path").asText());
        }
        try (Stream<Path> files = Files.list(a)) {
            List<String> present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("manifest.json"))
                    .sorted().toList();
            assertEquals(listed.stream().sorted().toList(), present);
        }
        assertEquals(600, SpinDataset.open(a).index().numConfigurations());

        // same config and seed: byte-identical shards
        Path b = tmp.resolve("b");
        assertEquals(0, rgflow("sample", CONFIG, "--out", b.toString(), "--quiet").code());
        for (JsonNode o : manifest.get("outputs")) {
            String name = o.get("path").asText();
            if (name.endsWith(".npy")) {
                assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
            }
        }
        // rerun into the same directory: verified and reported up to date, nothing rewritten
        Run again = rgflow("sample", CONFIG, "--out", a.toString(), "--quiet");
        assertEquals(0, again.code());
        assertTrue(again.out().contains("up to date"), again.out());
        // a different config into the same directory is refused without --force
        Run clash = rgflow("sample", CONFIG, "--out", a.toString(), "--quiet", "--set", "seed=43");
        assertEquals(RgflowCommand.EXIT_USAGE, clash.code());
        assertTrue(clash.err().contains("already exists"), clash.err());
        // no work directories left behind (lock files stay)
        try (Stream<Path> files = Files.list(tmp)) {
            assertFalse(files.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith(".")
                    && !n.endsWith(".lock")));
        }
    }

    @Test
    void badConfigIsOneLineNamingFileAndKey(@TempDir Path tmp) {
        Run run = rgflow("sample", CONFIG, "--out", tmp.resolve("x").toString(), "--set", "sampler.numChains=0");
        assertEquals(RgflowCommand.EXIT_USAGE, run.code());
        assertTrue(run.err().contains("configs/test/sample-tiny.yaml: sampler.numChains: must be in [1, 65536], got 0"),
                run.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void printConfigShowsDefaults() {
        Run run = rgflow("sample", "--print-config");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("numChains: 8"), run.out());
        assertTrue(run.out().contains("name: quick-ising2d-L16"), run.out());
    }

    @Test
    void infoPrintsBackend() {
        Run run = rgflow("info");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("backend         CPU"), run.out());
        assertTrue(run.out().contains("blas config     OpenBLAS 0.3.19 DYNAMIC_ARCH"), run.out());
        assertTrue(run.out().matches("(?s).*blas core       \\w+ \\(.+\\).*"), run.out());
    }
}
