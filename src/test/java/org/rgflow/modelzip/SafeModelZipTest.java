package org.rgflow.modelzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.testing.Nd4jTestBase;
import org.rgflow.testing.Tripwires;
import org.rgflow.testing.ZipSurgery;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerOptions;

/**
 * Issue 14 item 4: model zips are loaded without running code or allocating what the file asks for. Each fault is
 * first shown on DL4J's own {@code ModelSerializer.restoreMultiLayerNetwork} (which rgflow used), then refused by
 * {@link SafeModelZip}; zips rgflow writes load to the same network as DL4J restores.
 */
class SafeModelZipTest extends Nd4jTestBase {

    @TempDir
    Path dir;
    Path model;

    /** A 16-4-2 RBM stack saved as ModelExporter saves it. */
    @BeforeEach
    void writeModel() throws IOException {
        model = dir.resolve("model.zip");
        ModelSerializer.writeModel(StackedRbm.create(new int[] {16, 4, 2}, 1, true, false, DataType.FLOAT, 7L)
                .network(), model.toFile(), true);
        Tripwires.DESERIALIZED.set(false);
    }

    private ModelZipException refused(Path zip, String... parts) {
        ModelZipException e = assertThrows(ModelZipException.class, () -> SafeModelZip.read(zip, true));
        assertTrue(e.getMessage().startsWith(zip + ": "), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    private Path withEntry(String name, byte[] content) throws IOException {
        Map<String, byte[]> entries = ZipSurgery.entries(model);
        entries.put(name, content);
        return ZipSurgery.write(dir.resolve("doctored.zip"), entries);
    }

    private static byte[] serialized(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    @Test
    void aSerializedPreprocessorIsRefusedAndItsReadObjectNeverRuns() throws IOException {
        Path zip = withEntry("preprocessor.bin", serialized(new Tripwires.Gadget()));
        ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        assertTrue(Tripwires.DESERIALIZED.getAndSet(false), "DL4J deserializes preprocessor.bin: the fault");

        refused(zip, "entry 'preprocessor.bin' is not one rgflow writes",
                "coefficients.bin, configuration.json, updaterState.bin");
        assertFalse(Tripwires.DESERIALIZED.get(), "readObject ran");
    }

    @Test
    void aSerializedStringIsRefused() throws IOException {
        Path zip = withEntry("preprocessor.bin", serialized("not a preprocessor"));
        assertThrows(ClassCastException.class, () -> ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true),
                "DL4J deserializes the String, then fails to cast it: the fault");
        refused(zip, "entry 'preprocessor.bin'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"normalizer.bin", "objects/visibleBias", "noParams.marker", "../coefficients.bin",
        "/configuration.json", "weights/", "Coefficients.bin", "model.zip\u0000"})
    void anyOtherEntryIsRefused(String name) throws IOException {
        refused(withEntry(name, new byte[] {1, 2, 3}), "entry '" + ModelZipException.printable(name) + "'",
                name.matches("[\\w.]+") ? "is not one rgflow writes" : "is not a plain file name");
    }

    @Test
    void aDuplicateEntryIsRefused() throws IOException {
        Path zip = withEntry("coefficientX.bin", ZipSurgery.entries(model).get(SafeModelZip.COEFFICIENTS));
        ZipSurgery.rename(zip, "coefficientX.bin", "coefficients.bin");
        refused(zip, "entry 'coefficients.bin' appears twice");
    }

    /** Thermometers and checkpoints are written without the updater; an SGD network keeps no updater state. */
    @Test
    void theUpdaterStateIsRefusedWhereNoneIsExpected() throws IOException {
        Path zip = withEntry(SafeModelZip.UPDATER_STATE, ZipSurgery.entries(model).get(SafeModelZip.COEFFICIENTS));
        ModelZipException e = assertThrows(ModelZipException.class, () -> SafeModelZip.read(zip, false));
        assertTrue(e.getMessage().contains("entry 'updaterState.bin' is not one rgflow writes (a model zip holds only "
                + "coefficients.bin, configuration.json)"), e.getMessage());
        refused(zip, "entry 'updaterState.bin' is present, but the configured updater keeps no state");
    }

    /**
     * A few hundred MB of one byte value, deflated into a small zip whose directory also claims a small size: the
     * read stops at the entry's limit (parameters: a few kB; configuration: 1 MiB) instead of inflating it all.
     */
    @ParameterizedTest
    @ValueSource(strings = {SafeModelZip.COEFFICIENTS, SafeModelZip.CONFIGURATION})
    void anOversizedEntryIsRefusedWithoutInflatingIt(String name) throws IOException {
        long size = 400L << 20;
        Path zip = ZipSurgery.writeHuge(dir.resolve("huge.zip"), ZipSurgery.entries(model), name, size,
                name.equals(SafeModelZip.CONFIGURATION) ? (byte) ' ' : 0);
        ZipSurgery.declareSize(zip, name, 505);
        assertTrue(Files.size(zip) < 2 << 20, "the zip is small: " + Files.size(zip));
        long t0 = System.nanoTime();
        refused(zip, "entry '" + name + "' inflates to more than", "its header claims 505", "reading stopped");
        assertTrue(System.nanoTime() - t0 < 5e9, "stopped early");
    }

    @Test
    void anArrayHeaderAskingForMoreValuesIsRefusedBeforeAllocation() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeUTF("MIXED_DATA_TYPES");
            out.writeLong(6);
            out.writeUTF("LONG");
            for (long v : new long[] {1, 1L << 40, 1, 8192, 1, 99}) {
                out.writeLong(v);
            }
            out.writeUTF("MIXED_DATA_TYPES");
            out.writeLong(1L << 40);
            out.writeUTF("FLOAT");
            out.write(new byte[392]);
        }
        refused(withEntry(SafeModelZip.COEFFICIENTS, b.toByteArray()), "entry 'coefficients.bin' is not a vector of 98 "
                + "values");
    }

    @Test
    void aClassNameOutsideTheAllowListIsRefusedBeforeTheClassIsLoaded() throws IOException {
        String json = new String(ZipSurgery.entries(model).get(SafeModelZip.CONFIGURATION), StandardCharsets.UTF_8)
                .replaceFirst("org\\.rgflow\\.rbm\\.RbmLayer", Tripwires.INITIALISATION_GADGET.replace("$", "\\$"));
        assertThrows(RuntimeException.class, () -> MultiLayerConfiguration.fromJson(json));
        assertTrue(Tripwires.INITIALISED.getAndSet(false), "DL4J's JSON parser initialises named classes: the fault");

        refused(withEntry(SafeModelZip.CONFIGURATION, json.getBytes(StandardCharsets.UTF_8)), "entry "
                + "'configuration.json' names '" + Tripwires.INITIALISATION_GADGET + "'", "org.rgflow.rbm.*");
        assertFalse(Tripwires.INITIALISED.get());
    }

    @Test
    void notAZipIsRefused() throws IOException {
        Files.write(model, "PK no zip".getBytes(StandardCharsets.US_ASCII));
        refused(model, "is not a readable zip file");
    }

    @Test
    void aMissingEntryIsRefused() throws IOException {
        Map<String, byte[]> entries = ZipSurgery.entries(model);
        entries.remove(SafeModelZip.COEFFICIENTS);
        refused(ZipSurgery.write(dir.resolve("short.zip"), entries), "entry 'coefficients.bin' is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void rbmStacksLoadAsDl4jRestoresThem(DataType dtype) throws IOException {
        MultiLayerNetwork net = StackedRbm.create(new int[] {16, 4, 2}, 1, true, true, dtype, 11L).network();
        ModelSerializer.writeModel(net, model.toFile(), true);
        assertSameNetwork(ModelSerializer.restoreMultiLayerNetwork(model.toFile(), true),
                SafeModelZip.read(model, true));
    }

    /** A thermometer after a step of Adam: its parameters and updater state, with and without the updater. */
    @Test
    void trainedNetworksWithUpdaterStateLoadAsDl4jRestoresThem() throws IOException {
        ThermometerOptions o = ThermometerOptions.defaults().withHiddenSizes(8, 4);
        MultiLayerNetwork net = new MultiLayerNetwork(Thermometer.configuration(16, 3, o));
        net.init();
        INDArray x = input(10, 16, DataType.FLOAT);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 10, 3).putScalar(new int[] {0, 1}, 1);
        net.fit(new DataSet(x, y));
        ModelSerializer.writeModel(net, model.toFile(), true);
        assertTrue(ZipSurgery.entries(model).containsKey(SafeModelZip.UPDATER_STATE));
        assertSameNetwork(ModelSerializer.restoreMultiLayerNetwork(model.toFile(), true),
                SafeModelZip.read(model, true));
        ModelSerializer.writeModel(net, model.toFile(), false);
        assertSameNetwork(ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false), SafeModelZip.read(model,
                false));
    }

    static void assertSameNetwork(MultiLayerNetwork expected, MultiLayerNetwork actual) {
        assertEquals(expected.getLayerWiseConfigurations(), actual.getLayerWiseConfigurations());
        assertEquals(expected.params().dataType(), actual.params().dataType());
        assertArrayEquals(values(expected.params()), values(actual.params()));
        assertArrayEquals(expected.params().shape(), actual.params().shape());
        INDArray a = expected.getUpdater().getStateViewArray();
        INDArray b = actual.getUpdater().getStateViewArray();
        assertEquals(a == null, b == null);
        if (a != null) {
            assertEquals(a.dataType(), b.dataType());
            assertArrayEquals(values(a), values(b));
        }
        INDArray x = input(3, expected.layerInputSize(0), expected.params().dataType());
        assertArrayEquals(values(expected.output(x)), values(actual.output(x)));
    }

    /** The values, bit for bit (as doubles, exact also for float32). */
    private static double[] values(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    /** A seeded {0,1} batch. */
    private static INDArray input(int rows, long cols, DataType dtype) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[] v = new double[rows * (int) cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(2);
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c').castTo(dtype);
    }
}
