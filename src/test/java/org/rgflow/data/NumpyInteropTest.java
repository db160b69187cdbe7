package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a Java-written dataset with the numpy snippet of docs/datasets.md (run verbatim), and
 * checks that numpy.save reproduces our shard files byte for byte. Skipped without python3 + numpy.
 */
class NumpyInteropTest {

    private static final Path DOC = Path.of("docs", "datasets.md");
    private static final double[] TEMPS = {2.0, 2.2692};
    private static final int[] COUNTS = {130, 40};

    @TempDir
    Path dir;

    private static boolean pythonWithNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The first ```python block of docs/datasets.md. */
    private static String snippet() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```python\n");
        int end = doc.indexOf("```", start + 10);
        assertEquals(true, start >= 0 && end > start, "docs/datasets.md must contain a ```python block");
        return doc.substring(start + 10, end);
    }

    @Test
    void numpyLoadsTheDatasetAsDocumented() throws Exception {
        assumeTrue(Files.exists(DOC), "run from the project root");
        assumeTrue(pythonWithNumpy(), "python3 with numpy not available");
        Path ds = dir.resolve("ds");
        TestDatasets.write(ds, new DatasetLabels(2, 8, "ising-lr", 0.75), 100, TEMPS, COUNTS);
        String check = """

                import sys
                spins, T, labels = load_dataset(sys.argv[1])
                ids = [int(sum(1 << k for k in range(32) if row[k] == 1)) for row in spins]
                for shard in json.loads((pathlib.Path(sys.argv[1]) / "manifest.json").read_text())["dataset"]["shards"]:
                    a = np.load(pathlib.Path(sys.argv[1]) / shard["spins"])
                    np.save(pathlib.Path(sys.argv[2]) / shard["spins"], a)
                print(json.dumps({"shape": list(spins.shape), "dtype": str(spins.dtype), "ids": ids,
                                  "values": sorted(set(np.unique(spins).tolist())), "T": T.tolist(),
                                  "labels": labels, "grid": list(spins.reshape(-1, 8, 8).shape)}))
                """;
        Path script = dir.resolve("load.py");
        Files.writeString(script, snippet() + check);
        Path resaved = Files.createDirectory(dir.resolve("resaved"));
        Process p = new ProcessBuilder("python3", script.toString(), ds.toString(), resaved.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);

        JsonNode r = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("[170,64]", r.get("shape").toString());
        assertEquals("int8", r.get("dtype").asText());
        assertEquals("[-1,1]", r.get("values").toString());
        assertEquals("[170,8,8]", r.get("grid").toString());
        List<Integer> ids = new ArrayList<>();
        r.get("ids").forEach(n -> ids.add(n.asInt()));
        assertEquals(IntStream.range(0, 170).boxed().toList(), ids);
        for (int i = 0; i < 170; i++) {
            assertEquals(TestDatasets.temperatureOf(i, TEMPS, COUNTS), r.get("T").get(i).asDouble(), 0.0);
        }
        JsonNode labels = r.get("labels");
        assertEquals("ising-lr", labels.get("model").asText());
        assertEquals(0.75, labels.get("sigma").asDouble());
        assertEquals(64, labels.get("numSites").asInt());
        for (String shard : List.of("spins-00000.npy", "spins-00001.npy", "spins-00002.npy")) {
            assertEquals(true, java.util.Arrays.equals(Files.readAllBytes(ds.resolve(shard)),
                    Files.readAllBytes(resaved.resolve(shard))), shard + " equals numpy.save's bytes");
        }
    }
}
