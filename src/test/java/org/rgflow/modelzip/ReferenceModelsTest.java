package org.rgflow.modelzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.export.ModelLoader;
import org.rgflow.rbm.Rbm;
import org.rgflow.testing.Nd4jTestBase;
import org.rgflow.thermometer.ThermometerFiles;

/**
 * Files rgflow wrote before {@link SafeModelZip} (src/test/resources/model-fixtures) still load, to the network DL4J
 * restores from them and to the weights in their {@code .npy} files, bit for bit.
 */
class ReferenceModelsTest extends Nd4jTestBase {

    private static final Path FIXTURES = Path.of("src/test/resources/model-fixtures");

    @Test
    void anRbmStackFromRgflowTrain() throws IOException {
        Path dir = FIXTURES.resolve("rbm-64-8-4");
        MultiLayerNetwork net = ModelLoader.load(dir);
        SafeModelZipTest.assertSameNetwork(ModelSerializer.restoreMultiLayerNetwork(dir.resolve("model.zip").toFile(),
                true), net);
        assertEquals(2, net.getnLayers());
        for (int i = 0; i < 2; i++) {
            Rbm rbm = Rbm.of(net.getLayer(i));
            assertArrayEquals(npy(dir, "W" + i), rbm.weights().dup('c').data().asDouble());
            assertArrayEquals(npy(dir, "vb" + i), rbm.visibleBias().dup('c').data().asDouble());
            assertArrayEquals(npy(dir, "hb" + i), rbm.hiddenBias().dup('c').data().asDouble());
        }
    }

    @Test
    void aThermometer() throws IOException {
        Path dir = FIXTURES.resolve("thermometer-64");
        SafeModelZipTest.assertSameNetwork(ModelSerializer.restoreMultiLayerNetwork(dir.resolve(ThermometerFiles.MODEL)
                .toFile(), false), ThermometerFiles.load(dir).network());
    }

    private static double[] npy(Path dir, String name) {
        return Nd4j.createFromNpyFile(dir.resolve("weights/" + name + ".npy").toFile()).dup('c').data().asDouble();
    }
}
