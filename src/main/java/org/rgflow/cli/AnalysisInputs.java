package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.rgflow.analysis.Configurations;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.data.SpinEncoding;
import org.rgflow.export.ModelExporter;
import org.rgflow.export.ModelLoader;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerFiles;

/**
 * Loads and checks the inputs of {@code rgflow analyze}: a model directory (its lattice is that of the training
 * dataset recorded in the model manifest), configurations of one temperature of a dataset, and a thermometer.
 * Every problem is a {@link UserException} naming the file (exit 2).
 */
final class AnalysisInputs {

    /** Critical temperature of the 2D nearest-neighbour Ising model, 2/ln(1+&radic;2). */
    static final double TC_2D = 2 / Math.log(1 + Math.sqrt(2));

    private AnalysisInputs() {
    }

    /** A trained model and the lattice of its visible layer. */
    record Model(Path dir, String id, String manifestSha256, String latticeModel, HypercubicLattice lattice,
            StackedRbm stack) {

        Map<String, Object> section() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("directory", dir.toAbsolutePath().toString());
            m.put("id", id);
            m.put("manifestSha256", manifestSha256);
            m.put("lattice", lattice.toString());
            m.put("layerSizes", sizes());
            return m;
        }

        int[] sizes() {
            int[] s = new int[stack.numLayers() + 1];
            for (int i = 0; i < s.length; i++) {
                s[i] = stack.size(i);
            }
            return s;
        }

        /** True for a nearest-neighbour Ising model in 2D (where Tc = 2.269 applies). */
        boolean isIsing2d() {
            return "ising-nn".equals(latticeModel) && lattice.dimension() == 2;
        }
    }

    /** n configurations (&plusmn;1 rows) of one temperature of a dataset. */
    record Data(Path dir, String id, String manifestSha256, String latticeModel, HypercubicLattice lattice,
            double temperature, double[][] spins) {

        Map<String, Object> section() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("directory", dir.toAbsolutePath().toString());
            m.put("id", id);
            m.put("manifestSha256", manifestSha256);
            m.put("model", latticeModel);
            m.put("lattice", lattice.toString());
            m.put("temperature", temperature);
            m.put("configurations", spins.length);
            return m;
        }
    }

    /**
     * Models come from {@code rgflow train} (kind {@code model}) or are candidates of {@code rgflow search} (kind
     * {@code search-candidate}, same files).
     */
    static void requireModelKind(Path manifestPath, JsonNode manifest) {
        String kind = manifest.path("kind").asText();
        if (!"model".equals(kind) && !"search-candidate".equals(kind)) {
            throw new UserException(manifestPath + ": kind is '" + kind + "', not 'model' (rgflow train) or "
                    + "'search-candidate' (rgflow search)");
        }
    }

    static Model model(Path dir) throws IOException {
        Path manifestPath = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestPath)) {
            throw new UserException(manifestPath + ": missing; is " + dir + " a model directory written by "
                    + "`rgflow train`?");
        }
        JsonNode mm = Manifest.read(manifestPath);
        requireModelKind(manifestPath, mm);
        JsonNode ds = mm.path("dataset");
        int dimension = ds.path("dimension").asInt(0);
        int length = ds.path("length").asInt(0);
        if (dimension < 1 || length < 1) {
            throw new UserException(manifestPath + ": no dataset dimension/length recorded; cannot place the visible "
                    + "units on a lattice");
        }
        HypercubicLattice lattice = HypercubicLattice.of(dimension, length);
        StackedRbm stack = StackedRbm.of(network(dir));
        if (stack.size(0) != lattice.numSites()) {
            throw new UserException(manifestPath + ": the model has " + stack.size(0) + " visible units but its "
                    + "training lattice " + lattice + " has " + lattice.numSites() + " sites");
        }
        return new Model(dir, mm.path("id").asText(), Sha256.of(manifestPath), ds.path("model").asText(), lattice,
                stack);
    }

    /** The network of a model directory; a damaged model zip is a one-line error naming it (exit 2). */
    static MultiLayerNetwork network(Path dir) throws IOException {
        return InputFiles.read(dir.resolve(ModelExporter.ZIP), "a DL4J model written by `rgflow train`",
                () -> ModelLoader.load(dir));
    }

    /**
     * Reads up to {@code max} configurations of one temperature, in a seeded shuffled order (so they come from all
     * chains). {@code temperature} may be null when the dataset has a single temperature.
     */
    static Data dataset(Path dir, Double temperature, int max, long seed) throws IOException {
        if (max < 2) {
            throw new UserException("need at least 2 configurations, got " + max);
        }
        Path manifestPath = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestPath)) {
            throw new UserException(manifestPath + ": missing; is " + dir + " a dataset directory written by "
                    + "`rgflow sample`?");
        }
        SpinDataset data = SpinDataset.open(dir);
        List<Double> temps = data.temperatures();
        double t;
        if (temperature != null) {
            t = temperature;
            if (temps.stream().noneMatch(x -> Math.abs(x - t) <= 1e-6)) {
                throw new UserException(manifestPath + ": no configurations at T = " + t + "; temperatures " + temps);
            }
        } else if (temps.size() == 1) {
            t = temps.get(0);
        } else {
            throw new UserException(manifestPath + ": the dataset has " + temps.size() + " temperatures; choose one "
                    + "with --temperature T (" + temps + ")");
        }
        long atT = data.index().shards().stream().filter(s -> Math.abs(s.temperature() - t) <= 1e-6)
                .mapToLong(org.rgflow.data.ShardInfo::count).sum();
        long n = Math.min(max, atT);
        MemoryEstimates.configurations(dir + " (" + n + " configurations at T = " + t + " of " + data.numSites()
                + " sites)", n, data.numSites(), 2).check();
        SpinDataSetIterator it = SpinDataSetIterator.builder(data).encoding(SpinEncoding.PLUS_MINUS_ONE)
                .dataType(DataType.DOUBLE).temperatures(t).shuffle(seed).batchSize(Math.min(max, 1000)).build();
        List<double[]> rows = new ArrayList<>();
        while (it.hasNext() && rows.size() < max) {
            DataSet b = it.next();
            for (double[] r : Configurations.fromSpinArray(b.getFeatures())) {
                if (rows.size() < max) {
                    rows.add(r);
                }
            }
        }
        if (rows.size() < 2) {
            throw new UserException(manifestPath + ": fewer than 2 configurations at T = " + t);
        }
        JsonNode mm = Manifest.read(manifestPath);
        HypercubicLattice lattice = HypercubicLattice.of(data.labels().dimension(), data.labels().length());
        return new Data(dir, mm.path("id").asText(dir.getFileName().toString()), Sha256.of(manifestPath),
                data.labels().model(), lattice, t, rows.toArray(new double[0][]));
    }

    /** Checks that a dataset lives on the model's lattice. */
    static void requireSameLattice(Model model, Data data) {
        if (model.lattice().dimension() != data.lattice().dimension()
                || model.lattice().length() != data.lattice().length()) {
            throw new UserException(data.dir().resolve("manifest.json") + ": the dataset's lattice " + data.lattice()
                    + " (" + data.lattice().numSites() + " sites) does not match the model's " + model.lattice()
                    + " (" + model.lattice().numSites() + " visible units)");
        }
    }

    /** Loads a thermometer, or null; it must read configurations of {@code numSites} sites. */
    static Thermometer thermometer(Path dir, int numSites) throws IOException {
        if (dir == null) {
            return null;
        }
        Thermometer t = thermometer(dir);
        if (t.numSites() != numSites) {
            throw new UserException(dir.resolve(ThermometerFiles.DESCRIPTION) + ": the thermometer was trained for "
                    + t.numSites() + " sites, the configurations have " + numSites);
        }
        return t;
    }

    /**
     * Thermometers for the lattices of a block-RG flow: each must be trained for one of {@code sizes} (numbers of
     * sites of the steps), at most one per size, all over the same temperatures.
     */
    static List<Thermometer> thermometers(List<Path> dirs, List<Integer> sizes) throws IOException {
        List<Thermometer> out = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Path dir : dirs) {
            Thermometer t = thermometer(dir);
            Path json = dir.resolve(ThermometerFiles.DESCRIPTION);
            if (!sizes.contains(t.numSites())) {
                throw new UserException(json + ": the thermometer was trained for " + t.numSites() + " sites; the "
                        + "RG steps have " + sizes + " sites (train one on a dataset of a step's lattice size)");
            }
            if (!seen.add(t.numSites())) {
                throw new UserException(json + ": a second thermometer for " + t.numSites() + " sites; give one per "
                        + "lattice size");
            }
            if (!out.isEmpty() && !Arrays.equals(out.get(0).temperatures(), t.temperatures())) {
                throw new UserException(json + ": its temperatures " + Arrays.toString(t.temperatures())
                        + " differ from " + dirs.get(0).resolve(ThermometerFiles.DESCRIPTION) + "'s "
                        + Arrays.toString(out.get(0).temperatures()) + "; the thermometers of one flow must share them");
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Loads a thermometer directory, with a one-line message naming the file when it is not one or is damaged
     * (missing or malformed {@code thermometer.json}, a zip that fails its checksum or does not load).
     */
    static Thermometer thermometer(Path dir) throws IOException {
        Path json = dir.resolve(ThermometerFiles.DESCRIPTION);
        if (!Files.isRegularFile(json)) {
            throw new UserException(json + ": missing; is " + dir + " a thermometer written by "
                    + "`rgflow thermometer train`?");
        }
        Manifest.read(json); // not valid JSON: a MalformedFileException naming it
        return InputFiles.read(dir.resolve(ThermometerFiles.MODEL), "a thermometer written by "
                + "`rgflow thermometer train`", () -> ThermometerFiles.load(dir));
    }

    /** The manifest section of a thermometer. */
    static Map<String, Object> thermometerSection(Path dir, Thermometer t) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("directory", dir.toAbsolutePath().toString());
        m.put("descriptionSha256", Sha256.of(dir.resolve(ThermometerFiles.DESCRIPTION)));
        m.put("numSites", t.numSites());
        m.put("temperatures", Arrays.stream(t.temperatures()).boxed().toList());
        return m;
    }
}
