package org.rgflow.modelzip;

import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;

/** The configuration entry of a model zip as a DL4J configuration, with the number of parameters it declares. */
record NetworkConfiguration(MultiLayerConfiguration configuration, long numParams) {

    /**
     * Checks the class names ({@link ConfigurationClasses}), then lets DL4J parse {@code json}.
     *
     * @param maxParams the most parameters a network may declare
     */
    static NetworkConfiguration parse(Path zip, String entry, String json, long maxParams) {
        ConfigurationClasses.check(zip, entry, json);
        MultiLayerConfiguration conf;
        long total = 0;
        try {
            conf = MultiLayerConfiguration.fromJson(json);
            for (NeuralNetConfiguration layer : conf.getConfs()) {
                long n = layer.getLayer().initializer().numParams(layer);
                if (n < 0 || n > maxParams - total) {
                    throw new ModelZipException(zip, entry, "declares " + (n < 0 ? "a negative number of" : "more than "
                            + maxParams) + " parameters, more than rgflow loads");
                }
                total += n;
            }
        } catch (ModelZipException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelZipException(zip, entry, "is not a DL4J MultiLayerNetwork configuration ("
                    + ModelZipException.firstLine(e) + ")");
        }
        return new NetworkConfiguration(conf, total);
    }
}
