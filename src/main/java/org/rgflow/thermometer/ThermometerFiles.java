package org.rgflow.thermometer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.rgflow.modelzip.SafeModelZip;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;

/**
 * A saved thermometer is a directory with {@value #MODEL} (DL4J {@code ModelSerializer} zip, no updater state) and
 * {@value #DESCRIPTION} (format, temperature list, input encoding, options and the zip's SHA-256, which
 * {@link #load} verifies). Both are written atomically; {@link #save} returns them as {@link OutputFile}s for the
 * caller's manifest.
 */
public final class ThermometerFiles {

    /** The network file. */
    public static final String MODEL = "thermometer.zip";
    /** The description file. */
    public static final String DESCRIPTION = "thermometer.json";
    /** Value of the {@code format} field. */
    public static final String FORMAT = "rgflow-thermometer-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ThermometerFiles() {
    }

    /** Writes {@value #MODEL} and {@value #DESCRIPTION} into {@code dir} (created if absent). */
    public static List<OutputFile> save(Thermometer t, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path zip = dir.resolve(MODEL);
        Path tmp = AtomicFiles.temporaryFor(zip);
        ModelSerializer.writeModel(t.network(), tmp.toFile(), false);
        AtomicFiles.commit(tmp, zip);
        ThermometerOptions o = t.options();
        ObjectNode d = JSON.createObjectNode();
        d.put("format", FORMAT);
        d.put("encoding", "plus-minus-one");
        d.put("numSites", t.numSites());
        ArrayNode temps = d.putArray("temperatures");
        for (double x : t.temperatures()) {
            temps.add(x);
        }
        ObjectNode opts = d.putObject("options");
        ArrayNode hidden = opts.putArray("hiddenSizes");
        for (int h : o.hiddenSizes()) {
            hidden.add(h);
        }
        opts.put("activation", o.activation().name().toLowerCase(Locale.ROOT));
        opts.put("learningRate", o.learningRate());
        opts.put("l2", o.l2());
        opts.put("epochs", o.epochs());
        opts.put("batchSize", o.batchSize());
        opts.put("seed", o.seed());
        opts.put("heldOutFraction", o.heldOutFraction());
        d.put("modelSha256", Sha256.of(zip));
        AtomicFiles.write(dir.resolve(DESCRIPTION),
                (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d) + "\n").getBytes(StandardCharsets.UTF_8));
        return List.of(OutputFile.of(dir, MODEL), OutputFile.of(dir, DESCRIPTION));
    }

    /**
     * Restores a thermometer saved by {@link #save}.
     *
     * @throws IOException if a file is missing, the format is unknown or the zip's checksum does not match
     * @throws org.rgflow.modelzip.ModelZipException if the zip holds anything but a network ({@link SafeModelZip})
     */
    public static Thermometer load(Path dir) throws IOException {
        Path desc = dir.resolve(DESCRIPTION);
        Path zip = dir.resolve(MODEL);
        if (!Files.isRegularFile(desc) || !Files.isRegularFile(zip)) {
            throw new IOException(dir + " is not a saved thermometer (needs " + MODEL + " and " + DESCRIPTION + ")");
        }
        JsonNode d = JSON.readTree(desc.toFile());
        if (!FORMAT.equals(d.path("format").asText())) {
            throw new IOException(desc + ": unknown format '" + d.path("format").asText() + "', expected " + FORMAT);
        }
        String sha = Sha256.of(zip);
        if (!sha.equals(d.path("modelSha256").asText())) {
            throw new IOException(zip + ": SHA-256 " + sha + " does not match " + DESCRIPTION + " ("
                    + d.path("modelSha256").asText() + "); the model file was changed or is incomplete");
        }
        double[] temps = new double[d.get("temperatures").size()];
        for (int i = 0; i < temps.length; i++) {
            temps[i] = d.get("temperatures").get(i).asDouble();
        }
        JsonNode o = d.get("options");
        int[] hidden = new int[o.get("hiddenSizes").size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = o.get("hiddenSizes").get(i).asInt();
        }
        ThermometerOptions options = new ThermometerOptions(hidden,
                ThermometerOptions.activation(o.get("activation").asText()), o.get("learningRate").asDouble(),
                o.get("l2").asDouble(), o.get("epochs").asInt(), o.get("batchSize").asInt(), o.get("seed").asLong(),
                o.get("heldOutFraction").asDouble());
        MultiLayerNetwork net = SafeModelZip.read(zip, false);
        Thermometer t = new Thermometer(net, temps, options);
        if (t.numSites() != d.get("numSites").asInt()) {
            throw new IOException(desc + ": numSites " + d.get("numSites").asInt() + " but the network has "
                    + t.numSites() + " inputs");
        }
        return t;
    }
}
