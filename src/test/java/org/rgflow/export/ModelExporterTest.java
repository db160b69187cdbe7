package org.rgflow.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.rbm.RbmLayer;
import org.rgflow.testing.Nd4jTestBase;

class ModelExporterTest extends Nd4jTestBase {

    private static final long PARAM_SEED = 20261122L;

    /** A 12-6-3 stack with random parameters; the second layer has no hidden bias (held at zero). */
    static MultiLayerNetwork stack() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE).list()
                .layer(new RbmLayer.Builder().nIn(12).nOut(6).build())
                .layer(new RbmLayer.Builder().nIn(6).nOut(3).hiddenBias(false).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        SplittableRandom rng = new SplittableRandom(PARAM_SEED);
        double[] p = new double[(int) net.numParams()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble(-1, 1);
        }
        net.setParams(Nd4j.createFromArray(p).reshape(1, p.length));
        net.getLayer(1).getParam("b").assign(0);
        return net;
    }

    @Test
    void exportedArraysEqualTheParametersAndTheZipRestoresExactly(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = stack();
        List<OutputFile> files = ModelExporter.export(net, dir);
        assertEquals(List.of("model.zip", "weights/W0.npy", "weights/vb0.npy", "weights/hb0.npy", "weights/W1.npy",
                "weights/vb1.npy", "weights/hb1.npy", "model.json"), files.stream().map(OutputFile::path).toList());
        for (int i = 0; i < 2; i++) {
            INDArray w = NpyArrays.read(dir.resolve("weights/W" + i + ".npy"));
            assertEquals(net.getLayer(i).getParam("W"), w);
            assertArrayEquals(net.getLayer(i).getParam("vb").toDoubleVector(),
                    NpyArrays.read(dir.resolve("weights/vb" + i + ".npy")).toDoubleVector(), 0);
            assertArrayEquals(net.getLayer(i).getParam("b").toDoubleVector(),
                    NpyArrays.read(dir.resolve("weights/hb" + i + ".npy")).toDoubleVector(), 0);
        }
        ModelDescription d = ModelExporter.readDescription(dir);
        assertEquals("float64", d.dtype());
        assertEquals(12, d.layers().get(0).numVisible());
        assertFalse(d.layers().get(1).hiddenBias());
        assertTrue(d.layers().get(0).hiddenBias());

        MultiLayerNetwork restored = ModelLoader.load(dir);
        assertEquals(net.params(), restored.params());
        INDArray v = Nd4j.createFromArray(new double[][] {{1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1}});
        assertEquals(net.output(v), restored.output(v));
    }

    @Test
    void modifiedZipIsRefusedWhenAManifestListsIt(@TempDir Path dir) throws Exception {
        List<OutputFile> files = ModelExporter.export(stack(), dir);
        Manifest.of("model", "test").outputs(files).write(dir);
        ModelLoader.load(dir); // intact: loads
        byte[] zip = Files.readAllBytes(dir.resolve("model.zip"));
        zip[zip.length / 2] ^= 1;
        Files.write(dir.resolve("model.zip"), zip);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelLoader.load(dir));
        assertTrue(e.getMessage().contains("model.zip: SHA-256 does not match"), e.getMessage());
    }

    /** The Python route of docs/models.md: numpy alone reproduces p(h|v) of the first layer. */
    @Test
    void numpyReadsTheWeights(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = stack();
        ModelExporter.export(net, dir);
        INDArray v = Nd4j.createFromArray(new double[][] {{1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1}});
        double expected = net.getLayer(0).activate(v, false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr
                .noWorkspaces()).getDouble(0, 2);
        String script = String.join("\n",
                "import json, numpy as np, sys",
                "d = sys.argv[1]",
                "m = json.load(open(d + '/model.json'))",
                "L = m['layers'][0]",
                "W = np.load(d + '/' + L['weights']); b = np.load(d + '/' + L['hiddenBiasFile'])",
                "v = np.array([1,0,1,1,0,0,1,0,1,0,0,1], dtype=float)",
                "print(repr(float((1 / (1 + np.exp(-(v @ W + b))))[2])))");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script, dir.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 not available");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(p.waitFor() == 0 || !out.contains("No module named 'numpy'"), "numpy not available");
        assertEquals(0, p.exitValue(), out);
        assertEquals(expected, Double.parseDouble(out), 1e-12);
    }
}
