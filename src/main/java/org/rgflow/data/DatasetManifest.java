package org.rgflow.data;

import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the two sections of {@code manifest.json} this package relies on ({@code dataset} and
 * {@code outputs}) and writes a minimal manifest holding only those (for datasets written through
 * {@link SpinRecordWriter}, benchmarks and tests; the CLI writes the full manifest itself).
 */
public final class DatasetManifest {

    /** File name of the manifest inside a dataset directory. */
    public static final String FILE_NAME = "manifest.json";

    private static final String[] REQUIRED = {"formatVersion", "dimension", "length", "numSites", "model",
        "encoding", "numConfigurations", "shards"};
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private DatasetManifest() {
    }

    /** The mapper used for the {@code dataset} section (indenting, tolerant of unknown fields). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /**
     * Writes {@code {"kind": "dataset", "dataset": index, "outputs": files}} to
     * {@code dir/manifest.json} atomically (temp file, fsync, rename).
     */
    public static void writeMinimal(Path dir, DatasetIndex index, List<OutputFile> files) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", "dataset");
        root.set("dataset", MAPPER.valueToTree(index));
        root.set("outputs", MAPPER.valueToTree(files));
        Path target = dir.resolve(FILE_NAME);
        try {
            AtomicFiles.write(target, MAPPER.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new DatasetException(target + ": could not write the manifest: " + e.getMessage(), e);
        }
    }

    static DatasetIndex read(Path manifest) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(manifest));
        } catch (NoSuchFileException e) {
            throw new DatasetException(manifest + ": missing; " + manifest.getParent()
                    + " is not a complete dataset (the run that wrote it did not finish, or this is not a "
                    + "dataset directory) — re-run `rgflow sample` or point at a dataset directory", e);
        } catch (JsonProcessingException e) {
            throw new DatasetException(manifest + ": not valid JSON (" + e.getOriginalMessage()
                    + "); the file is damaged — restore it or re-run `rgflow sample`", e);
        } catch (IOException e) {
            throw new DatasetException(manifest + ": cannot be read: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new DatasetException(manifest + ": expected a JSON object; the file is damaged");
        }
        JsonNode section = root.get("dataset");
        if (section == null || !section.isObject()) {
            throw new DatasetException(manifest + ": has no \"dataset\" section; is this the manifest of a "
                    + "dataset (and not of a model or an analysis)?");
        }
        for (String field : REQUIRED) {
            if (!section.hasNonNull(field)) {
                throw new DatasetException(manifest + ": dataset." + field + " is missing; the manifest is "
                        + "incomplete — re-run `rgflow sample`");
            }
        }
        DatasetIndex index;
        try {
            index = MAPPER.treeToValue(section, DatasetIndex.class);
        } catch (JsonProcessingException e) {
            String why = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                    : e.getOriginalMessage();
            throw new DatasetException(manifest + ": invalid dataset section: " + why
                    + " — the manifest does not describe a valid dataset; re-run `rgflow sample`", e);
        }
        return index.withOutputs(readOutputs(manifest, root.get("outputs")));
    }

    private static List<OutputFile> readOutputs(Path manifest, JsonNode outputs) {
        if (outputs == null || !outputs.isArray()) {
            throw new DatasetException(manifest + ": has no \"outputs\" list, so the shard checksums cannot be "
                    + "verified; the manifest is incomplete — re-run `rgflow sample`");
        }
        List<OutputFile> files = new ArrayList<>();
        for (JsonNode entry : outputs) {
            try {
                files.add(MAPPER.treeToValue(entry, OutputFile.class));
            } catch (JsonProcessingException e) {
                String why = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                        : e.getOriginalMessage();
                throw new DatasetException(manifest + ": invalid outputs entry " + entry + ": " + why, e);
            }
        }
        return files;
    }
}
