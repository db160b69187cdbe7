package org.rgflow.data;

import org.rgflow.provenance.OutputFile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code dataset} section of a dataset's {@code manifest.json} (Jackson-serialisable; see
 * {@code docs/datasets.md}), plus the {@code outputs} checksums of its files when it was read with
 * {@link #fromManifest(Path)}. {@code outputs} is not part of the section and is never serialised.
 *
 * @param formatVersion     {@value #FORMAT_VERSION}
 * @param numSites          L<sup>d</sup>, the row length of every spins shard
 * @param sigma             long-range exponent, {@code null} when the model is not long-range
 * @param encoding          on-disk spin encoding, always {@value #ENCODING}
 * @param numConfigurations sum of the shard counts
 * @param shards            shards in file order
 * @param outputs           checksums keyed by relative path; empty when not read from a manifest
 */
@JsonPropertyOrder({"formatVersion", "dimension", "length", "numSites", "model", "sigma", "encoding",
        "numConfigurations", "shards"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DatasetIndex(int formatVersion, int dimension, int length, int numSites, String model,
        Double sigma, String encoding, long numConfigurations, List<ShardInfo> shards,
        @JsonIgnore Map<String, OutputFile> outputs) {

    /** The only format version this code reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** The only on-disk encoding: int8 &plusmn;1. */
    public static final String ENCODING = "plus-minus-one";

    public DatasetIndex {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported dataset formatVersion " + formatVersion
                    + " (this rgflow reads " + FORMAT_VERSION + "); upgrade rgflow or re-create the dataset");
        }
        DatasetLabels labels = new DatasetLabels(dimension, length, model, sigma == null ? Double.NaN : sigma);
        if (sigma != null && sigma.isNaN()) {
            throw new IllegalArgumentException("sigma must be a number or null (not long-range), got NaN");
        }
        if (numSites != labels.numSites()) {
            throw new IllegalArgumentException("numSites " + numSites + " does not match length^dimension = "
                    + length + "^" + dimension + " = " + labels.numSites());
        }
        if (!ENCODING.equals(encoding)) {
            throw new IllegalArgumentException("encoding must be '" + ENCODING + "', got '" + encoding + "'");
        }
        Objects.requireNonNull(shards, "shards");
        shards = List.copyOf(shards);
        Set<String> names = new HashSet<>();
        long total = 0;
        for (ShardInfo s : shards) {
            if (!names.add(s.spins()) || !names.add(s.temperatures())) {
                throw new IllegalArgumentException("shard files must be distinct; " + s.spins() + " or "
                        + s.temperatures() + " appears twice");
            }
            total += s.count();
        }
        if (total != numConfigurations) {
            throw new IllegalArgumentException("numConfigurations " + numConfigurations
                    + " does not equal the sum of the shard counts, " + total);
        }
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** An index of {@code shards} with the given labels and no checksums. */
    public static DatasetIndex of(DatasetLabels labels, List<ShardInfo> shards) {
        long total = shards.stream().mapToLong(ShardInfo::count).sum();
        return new DatasetIndex(FORMAT_VERSION, labels.dimension(), labels.length(), labels.numSites(),
                labels.model(), labels.sigmaOrNull(), ENCODING, total, shards, Map.of());
    }

    /**
     * Reads the {@code dataset} section and the {@code outputs} checksums of a manifest. Does not
     * look at the shard files; {@link SpinDataset#open(Path)} does.
     *
     * @throws DatasetException if the file is missing, not JSON, or the sections are absent or invalid
     */
    public static DatasetIndex fromManifest(Path manifestJson) {
        return DatasetManifest.read(manifestJson);
    }

    /** This index with the given checksums (keyed by {@link OutputFile#path()}). */
    public DatasetIndex withOutputs(Collection<OutputFile> files) {
        Map<String, OutputFile> map = new LinkedHashMap<>();
        for (OutputFile f : files) {
            map.put(f.path(), f);
        }
        return new DatasetIndex(formatVersion, dimension, length, numSites, model, sigma, encoding,
                numConfigurations, shards, map);
    }

    /** The checksum entry of a file, if the manifest lists one. */
    public Optional<OutputFile> output(String path) {
        return Optional.ofNullable(outputs.get(path));
    }

    /** The constant labels (sigma NaN when null). */
    public DatasetLabels labels() {
        return new DatasetLabels(dimension, length, model, sigma == null ? Double.NaN : sigma);
    }

    /** The distinct shard temperatures, ascending. */
    @JsonIgnore
    public List<Double> temperatures() {
        return new ArrayList<>(new TreeSet<>(shards.stream().map(ShardInfo::temperature).toList()));
    }
}
