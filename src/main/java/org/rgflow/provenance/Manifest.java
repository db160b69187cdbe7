package org.rgflow.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code manifest.json} that makes an artifact directory self-describing: kind, id, creation
 * time, tool and platform, the resolved config and its SHA-256, seeds, backend, any named sections
 * (diagnostics, dataset index, ...) and the size and SHA-256 of every output file.
 *
 * <p>The resolved config is stored canonically (keys sorted) so its hash identifies the run.
 */
public final class Manifest {

    /** Version of this manifest layout; bump on incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final ObjectNode root = JSON.createObjectNode();
    private final List<OutputFile> outputs = new ArrayList<>();

    private Manifest(String kind, String id) {
        root.put("kind", kind);
        root.put("id", id);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("createdUtc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.set("tool", JSON.valueToTree(ToolInfo.tool()));
        root.set("platform", JSON.valueToTree(ToolInfo.platform()));
    }

    public static Manifest of(String kind, String id) {
        return new Manifest(kind, id);
    }

    /** Canonical JSON (sorted keys, no whitespace) of a config tree: the input of {@link #configSha256}. */
    public static String canonical(JsonNode config) {
        try {
            Object plain = JSON.treeToValue(config, Object.class);
            return JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plain);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise config", e);
        }
    }

    public static String configSha256(JsonNode config) {
        return Sha256.of(canonical(config));
    }

    /** Records the resolved config and its SHA-256. */
    public Manifest config(JsonNode resolvedConfig) {
        root.set("config", JSON.valueToTree(JSON.convertValue(resolvedConfig, Object.class)));
        root.put("configSha256", configSha256(resolvedConfig));
        return this;
    }

    /** Adds a named section (any Jackson-serialisable value: records, maps, lists). */
    public Manifest section(String name, Object value) {
        root.set(name, JSON.valueToTree(value));
        return this;
    }

    public Manifest output(OutputFile file) {
        outputs.add(file);
        return this;
    }

    public Manifest outputs(List<OutputFile> files) {
        outputs.addAll(files);
        return this;
    }

    /** The manifest as a JSON tree (outputs included). */
    public ObjectNode toJson() {
        ObjectNode copy = root.deepCopy();
        copy.set("outputs", JSON.valueToTree(outputs));
        return copy;
    }

    /** Writes {@code dir/manifest.json} atomically. */
    public Path write(Path dir) throws IOException {
        Path target = dir.resolve("manifest.json");
        AtomicFiles.write(target, JSON.writeValueAsBytes(toJson()));
        return target;
    }

    /**
     * Reads a manifest back as a JSON tree.
     *
     * @throws MalformedFileException if it is not valid JSON (e.g. truncated), naming the file
     */
    public static JsonNode read(Path manifestJson) throws IOException {
        try {
            return JSON.readTree(manifestJson.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw MalformedFileException.json(manifestJson, e);
        }
    }
}
