package org.rgflow.modelzip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Restores a {@link MultiLayerNetwork} from a DL4J {@code ModelSerializer} zip without trusting the file, in place of
 * {@code ModelSerializer.restoreMultiLayerNetwork}, which Java-deserializes a {@code preprocessor.bin} entry and
 * holds every entry in memory at the size it inflates to. Here:
 * <ul>
 * <li>the zip may hold only {@value #CONFIGURATION}, {@value #COEFFICIENTS} and (with the updater)
 * {@value #UPDATER_STATE}, the entries {@code ModelSerializer.writeModel} writes, each once and by plain name;</li>
 * <li>each is read with a limit on the bytes it inflates to: 1 MiB for the configuration, and for the arrays the size
 * of as many values as the configuration needs;</li>
 * <li>class names in the configuration must come from {@link ConfigurationClasses#ALLOWED_PACKAGES};</li>
 * <li>the arrays are decoded by {@link Nd4jArrayEntry}; nothing is Java-deserialized.</li>
 * </ul>
 * The network is then built as DL4J builds it (configuration data type set to the parameters', {@code init(params,
 * false)}, updater state set), so the same files give the same network.
 */
public final class SafeModelZip {

    /** The network configuration (DL4J JSON). */
    public static final String CONFIGURATION = "configuration.json";
    /** The parameters, one vector. */
    public static final String COEFFICIENTS = "coefficients.bin";
    /** The updater state, one vector (only in zips written with the updater). */
    public static final String UPDATER_STATE = "updaterState.bin";
    /** Largest configuration entry read. */
    static final long MAX_CONFIGURATION_BYTES = 1 << 20;
    /** Most parameters (or updater state values) a network may have: 1 GiB in float32, 2 GiB in float64. */
    static final long MAX_VALUES = 1L << 28;

    private SafeModelZip() {
    }

    /**
     * @param zip         a zip written by {@code ModelSerializer.writeModel}
     * @param withUpdater whether the zip may hold the updater state, which is then restored
     * @throws ModelZipException (an {@link IllegalArgumentException}) naming the file, the entry and what is wrong
     */
    public static MultiLayerNetwork read(Path zip, boolean withUpdater) {
        Set<String> allowed = withUpdater ? Set.of(CONFIGURATION, COEFFICIENTS, UPDATER_STATE)
                : Set.of(CONFIGURATION, COEFFICIENTS);
        try (ModelZipEntries entries = ModelZipEntries.open(zip, allowed)) {
            String json = new String(entries.read(CONFIGURATION, MAX_CONFIGURATION_BYTES, "the limit for a "
                    + "configuration"), StandardCharsets.UTF_8);
            NetworkConfiguration conf = NetworkConfiguration.parse(zip, CONFIGURATION, json, MAX_VALUES);
            INDArray params = array(entries, zip, COEFFICIENTS, conf.numParams(), "parameters");
            conf.configuration().setDataType(params.dataType());
            MultiLayerNetwork net = new MultiLayerNetwork(conf.configuration());
            try {
                net.init(params, false);
            } catch (RuntimeException e) {
                throw new ModelZipException(zip, CONFIGURATION, "describes a network DL4J cannot build ("
                        + ModelZipException.firstLine(e) + ")");
            }
            if (entries.has(UPDATER_STATE)) {
                INDArray view = net.getUpdater().getStateViewArray();
                if (view == null || view.isEmpty()) {
                    throw new ModelZipException(zip, UPDATER_STATE, "is present, but the configured updater keeps no "
                            + "state");
                }
                net.getUpdater().setStateViewArray(net, array(entries, zip, UPDATER_STATE, view.length(),
                        "updater state values"), false);
            }
            return net;
        }
    }

    private static INDArray array(ModelZipEntries entries, Path zip, String name, long length, String what) {
        if (Nd4jArrayEntry.maxBytes(length) > Integer.MAX_VALUE - 8) {
            throw new ModelZipException(zip, name, "would hold " + length + " " + what + ", more than rgflow loads");
        }
        byte[] bytes = entries.read(name, Nd4jArrayEntry.maxBytes(length), "the most " + length + " " + what + " take");
        return Nd4jArrayEntry.read(zip, name, bytes, length);
    }
}
