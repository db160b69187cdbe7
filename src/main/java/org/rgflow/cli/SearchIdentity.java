package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;

/**
 * What a search directory is made from: the resolved search config and the dataset (directory, id, manifest
 * SHA-256). Recorded in {@value #FILE} when a search starts, so that {@code --resume} refuses to continue it with
 * another config or dataset, as {@code train --resume} does. {@code budget.*} may change: extending a search is
 * what resuming is for.
 */
record SearchIdentity(JsonNode config, String datasetDirectory, String datasetId, String datasetSha256) {

    /** The record inside the search directory. */
    static final String FILE = "search.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    static SearchIdentity of(JsonNode resolvedConfig, SpinDataset data) throws IOException {
        Path manifest = data.dir().resolve("manifest.json");
        return new SearchIdentity(resolvedConfig, data.dir().toAbsolutePath().normalize().toString(),
                Manifest.read(manifest).path("id").asText(data.dir().getFileName().toString()), Sha256.of(manifest));
    }

    /** The dataset section of the search manifest. */
    Map<String, Object> datasetSection() {
        return Map.of("directory", datasetDirectory, "id", datasetId, "manifestSha256", datasetSha256);
    }

    void write(Path dir) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.set("config", config);
        n.set("dataset", JSON.valueToTree(datasetSection()));
        AtomicFiles.write(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    /** The identity recorded in {@code dir}: {@value #FILE}, else the manifest of a finished search. */
    static Optional<SearchIdentity> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            file = dir.resolve("manifest.json");
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode n = Manifest.read(file);
        JsonNode ds = n.path("dataset");
        return Optional.of(new SearchIdentity(n.path("config"), ds.path("directory").asText(),
                ds.path("id").asText("?"), ds.path("manifestSha256").asText()));
    }

    /** Refuses, naming what changed, unless {@code now} has the recorded config (budget aside) and dataset. */
    void requireSame(SearchIdentity now, Path dir) {
        List<String> changes = new ArrayList<>();
        Map<String, String> was = flatten(config);
        Map<String, String> is = flatten(now.config);
        for (String key : union(was, is)) {
            if (!key.startsWith("budget.") && !Objects.equals(was.get(key), is.get(key))) {
                changes.add(key + " " + was.getOrDefault(key, "(unset)") + " -> " + is.getOrDefault(key, "(unset)"));
            }
        }
        if (changes.size() > 5) {
            changes = new ArrayList<>(changes.subList(0, 5));
            changes.add("...");
        }
        String what = changes.isEmpty() ? "" : "config keys " + String.join(", ", changes);
        if (!datasetSha256.equals(now.datasetSha256)) {
            what += (what.isEmpty() ? "" : "; ") + "dataset " + datasetId + " (" + datasetDirectory
                    + ", manifest SHA-256 " + abbrev(datasetSha256) + ") -> " + now.datasetId + " ("
                    + now.datasetDirectory + ", " + abbrev(now.datasetSha256) + ")";
        }
        if (!what.isEmpty()) {
            throw new UserException(dir + " holds a search of another config or dataset: " + what + "; --resume "
                    + "continues a search with its own config and dataset only (budget.* may change): undo the "
                    + "change or start a new --out");
        }
    }

    private static String abbrev(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return List.copyOf(all.keySet());
    }

    /** Dotted keys of the leaves (lists as whole values), e.g. {@code base.learningRate -> 0.05}. */
    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (!node.isMissingNode()) {
            out.put(prefix, node.toString());
        }
    }
}
