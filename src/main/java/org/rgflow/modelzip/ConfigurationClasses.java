package org.rgflow.modelzip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DL4J's configuration JSON names the classes to instantiate ({@code "@class"}, a distribution's {@code "type"}),
 * and resolving a name loads and initialises that class. Before DL4J parses it, every key and string value that
 * looks like a class name must be one from the packages rgflow's networks are built of.
 */
final class ConfigurationClasses {

    /** Packages of the layers, activations, losses, updaters, schedules, initialisers and RBM layer rgflow uses. */
    static final List<String> ALLOWED_PACKAGES = List.of("org.deeplearning4j.nn.", "org.nd4j.linalg.",
            "org.rgflow.rbm.");

    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_$][\\w$]*\\.[A-Za-z_$]");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigurationClasses() {
    }

    /** Parses {@code json} as a plain tree and refuses a class name outside {@link #ALLOWED_PACKAGES}. */
    static void check(Path zip, String entry, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelZipException(zip, entry, "is not JSON (" + ModelZipException.firstLine(e) + ")");
        }
        check(zip, entry, root);
    }

    private static void check(Path zip, String entry, JsonNode node) {
        if (node.isTextual()) {
            require(zip, entry, node.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            require(zip, entry, field.getKey());
            check(zip, entry, field.getValue());
        }
        if (node.isArray()) {
            node.forEach(child -> check(zip, entry, child));
        }
    }

    private static void require(Path zip, String entry, String text) {
        if (DOTTED.matcher(text).find() && !(CLASS_NAME.matcher(text).matches()
                && ALLOWED_PACKAGES.stream().anyMatch(text::startsWith))) {
            throw new ModelZipException(zip, entry, "names '" + ModelZipException.printable(text) + "', not a class "
                    + "of the packages rgflow's networks use (" + String.join("*, ", ALLOWED_PACKAGES) + "*)");
        }
    }
}
