package org.rgflow.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds YAML configs to validated records. Unknown keys, wrong types and out-of-range values are
 * {@link ConfigException}s naming the file and the dotted key, and so is a key given twice in one mapping.
 * {@code --set a.b=value} overrides are
 * applied to the YAML tree before binding (the value is parsed as YAML: numbers, booleans, lists).
 *
 * @param <T> the config record type
 */
public final class ConfigLoader<T> {

    // STRICT_DUPLICATE_DETECTION: a key given twice in one mapping is an error (not "last one wins")
    private static final ObjectMapper YAML = JsonMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    static {
        // "16" (a string) where a number is expected is an error, not silently converted
        YAML.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        YAML.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        YAML.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '(.*)'");

    private final Class<T> type;

    private ConfigLoader(Class<T> type) {
        this.type = type;
    }

    public static <T> ConfigLoader<T> of(Class<T> type) {
        return new ConfigLoader<>(type);
    }

    /** A bound config and its resolved tree (defaults filled in), for manifests and hashing. */
    public record Loaded<T>(T config, JsonNode resolved, String source) {
    }

    /** Reads and binds {@code file}, applying {@code overrides} ("a.b.c=value"). */
    public Loaded<T> load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString(), overrides);
    }

    /** Reads and binds a config shipped inside the jar. */
    public Loaded<T> loadResource(String resource, List<String> overrides) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("built-in config " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "built-in " + resource, overrides);
        } catch (IOException e) {
            throw new ConfigException("cannot read built-in config " + resource, e);
        }
    }

    /** Binds YAML {@code text}; {@code source} names it in error messages. */
    public Loaded<T> parse(String text, String source, List<String> overrides) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            java.util.regex.Matcher dup = DUPLICATE.matcher(e.getOriginalMessage());
            if (dup.matches()) {
                throw new ConfigException(source + ": key '" + dup.group(1) + "' is given twice in one mapping" + line
                        + "; keep one (the last would silently win)", e);
            }
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage() + line, e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = JsonNodeFactory.instance.objectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(source + ": the top level must be a mapping of keys to values");
        }
        for (String override : overrides) {
            applyOverride((ObjectNode) tree, override, source);
        }
        T config = bind(tree, source);
        JsonNode resolved = YAML.valueToTree(config);
        return new Loaded<>(config, resolved, source);
    }

    private T bind(JsonNode tree, String source) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(source + ": " + path(e) + ": unknown key"
                    + (known.isEmpty() ? "" : "; allowed keys here: " + known), e);
        } catch (InvalidTypeIdException e) {
            throw new ConfigException(source + ": " + path(e) + ": unknown or missing type '" + e.getTypeId()
                    + "'; allowed: nearest-neighbour, long-range", e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String prefix = path(e);
            throw new ConfigException(source + ": " + (prefix.isEmpty() ? "" : prefix + ".") + cause.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": " + path(e) + ": " + e.getOriginalMessage()
                    .replaceAll("\\(class [^)]*\\)", "").replaceAll(" `java\\.lang\\.", " `"), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static void applyOverride(ObjectNode root, String override, String source) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + override + ": expected key=value, e.g. --set sampler.numChains=16");
        }
        String[] keys = override.substring(0, eq).trim().split("\\.");
        JsonNode value;
        try {
            value = YAML.readTree(override.substring(eq + 1));
        } catch (JsonProcessingException e) {
            throw new ConfigException("--set " + override + ": value is not valid YAML: " + e.getOriginalMessage(), e);
        }
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(keys[i]);
            } else if (!child.isObject()) {
                throw new ConfigException(source + ": --set " + override + ": '" + keys[i] + "' is not a section");
            }
            node = (ObjectNode) child;
        }
        node.set(keys[keys.length - 1], value == null || value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
    }

    /** The config as YAML (defaults filled in), e.g. for {@code --print-config}. */
    public static String toYaml(JsonNode resolved) {
        try {
            return YAML.writeValueAsString(resolved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
