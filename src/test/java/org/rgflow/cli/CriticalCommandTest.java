package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;
import picocli.CommandLine;

/** End to end: {@code rgflow critical configs/test/critical-tiny.yaml} into a temporary directory. */
class CriticalCommandTest {

    private static final String CONFIG = "configs/test/critical-tiny.yaml";

    private static int rgflow(StringWriter err, String... args) {
        CommandLine cl = RgflowCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesTablesFiguresAndManifestWithHashes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        StringWriter err = new StringWriter();
        assertEquals(0, rgflow(err, "critical", CONFIG, "--out", out.toString(), "--quiet"), err.toString());
        JsonNode manifest = Manifest.read(out.resolve("manifest.json"));
        assertEquals("critical", manifest.get("kind").asText());
        assertTrue(manifest.get("id").asText().startsWith("test-critical-tiny-"));
        assertEquals(7, manifest.at("/config/seed").asLong());
        assertTrue(manifest.at("/results/criticalTemperature/value").asDouble() > 2.0);
        List<String> listed = new ArrayList<>();
        for (JsonNode o : manifest.get("outputs")) {
            Path f = out.resolve(o.get("path").asText());
            assertEquals(Files.size(f), o.get("bytes").asLong());
            assertEquals(Sha256.of(f), o.get("sha256").asText());
            listed.add(o.get("path").asText());
        }
        for (String f : List.of("binder.csv", "crossings.csv", "fits.csv", "at-tc.csv", "correlators.csv",
                "binder.png", "spin-correlator.png", "energy-correlator.png", "magnetisation-scaling.png")) {
            assertTrue(listed.contains(f), f + " listed in " + listed);
        }
        List<String> lines = Files.readAllLines(out.resolve("binder.csv"));
        assertEquals(1 + 2 * 7, lines.size(), "one row per (L, T)");
        try (var files = Files.list(out)) {
            assertEquals(listed.size() + 1, files.count(), "no stray files besides manifest.json");
        }
        // the same config again is recognised as up to date; a --set override changes the id
        assertEquals(0, rgflow(err, "critical", CONFIG, "--out", out.toString(), "--quiet"));
        assertEquals(CommandLine.ExitCode.OK + 2, rgflow(new StringWriter(), "critical", CONFIG, "--set", "sizes=[8]",
                "--out", tmp.resolve("bad").toString(), "--quiet"), "one size is a config error (exit 2)");
    }
}
