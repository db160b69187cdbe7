package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.rgflow.testing.Nd4jTestBase;

/** The DL4J layer: configuration equality, JSON and zip round trips, output = p(h|v), DL4J's own fit path. */
class RbmLayerTest extends Nd4jTestBase {

    private static final long SEED = 42L;

    @Test
    void configurationEqualityIncludesCustomFields() {
        RbmLayer a = new RbmLayer.Builder().nIn(4).nOut(3).k(2).visibleBias(false).build();
        RbmLayer b = new RbmLayer.Builder().nIn(4).nOut(3).k(2).visibleBias(false).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new RbmLayer.Builder().nIn(4).nOut(3).k(1).visibleBias(false).build());
        assertNotEquals(a, new RbmLayer.Builder().nIn(4).nOut(3).k(2).visibleBias(true).build());
        assertNotEquals(a, new RbmLayer.Builder().nIn(4).nOut(3).k(2).visibleBias(false).hiddenBias(false).build());
    }

    @Test
    void jsonAndZipRoundTripsGiveIdenticalModels(@TempDir Path dir) throws Exception {
        StackedRbm stack = StackedRbm.create(new int[] {8, 5, 3}, 3, true, false, DataType.DOUBLE, SEED);
        MultiLayerNetwork net = stack.network();
        net.params().addi(Rbm.random(1, (int) net.numParams(), DataType.DOUBLE, 0.3, 0, 1).weights().reshape(net.numParams()));
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        String json = conf.toJson();
        assertTrue(json.contains("org.rgflow.rbm.RbmLayer"), json);
        assertEquals(conf, MultiLayerConfiguration.fromJson(json));

        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertEquals(conf, back.getLayerWiseConfigurations());
        assertEquals(net.params(), back.params());
        assertTrue(back.getLayer(1) instanceof RbmLayerImpl);
        INDArray v = TwoPrototypes.sample(10, 3, DataType.DOUBLE).repeat(1, 2).getColumns(0, 1, 2, 3, 4, 5, 6, 7);
        assertEquals(net.output(v), back.output(v));
        StackedRbm restored = StackedRbm.of(back);
        assertEquals(stack.rbm(1).freeEnergy(stack.up(v, 1)), restored.rbm(1).freeEnergy(restored.up(v, 1)));
    }

    @Test
    void outputIsTheHiddenConditional() {
        StackedRbm stack = StackedRbm.create(new int[] {6, 4}, 1, true, true, DataType.DOUBLE, SEED);
        INDArray v = TwoPrototypes.sample(7, 5, DataType.DOUBLE);
        INDArray out = stack.network().output(v);
        assertEquals(0.0, out.sub(stack.rbm(0).hiddenProbabilities(v)).amaxNumber().doubleValue(), 1e-15);
    }

    @Test
    void dl4jFitPathIncreasesTheExactLikelihood() {
        MultiLayerNetwork net = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .seed(SEED).dataType(DataType.DOUBLE).updater(new Sgd(0.1))
                .weightInit(new org.deeplearning4j.nn.conf.distribution.NormalDistribution(0, 0.1)).list()
                .layer(new RbmLayer.Builder().nIn(6).nOut(3).build()).build());
        net.init();
        INDArray data = TwoPrototypes.sample(500, 11, DataType.DOUBLE);
        Rbm rbm = Rbm.of(net.getLayer(0));
        double before = ExactRbm.logLikelihood(rbm, data);
        for (int epoch = 0; epoch < 30; epoch++) {
            for (int b = 0; b < 10; b++) {
                INDArray batch = data.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(b * 50, b * 50 + 50),
                        org.nd4j.linalg.indexing.NDArrayIndex.all());
                net.setIndex(0);
                net.pretrainLayer(0, batch);
            }
        }
        double after = ExactRbm.logLikelihood(Rbm.of(net.getLayer(0)), data);
        assertTrue(after > before + 0.5, "exact LL " + before + " -> " + after);
    }
}
