package org.rgflow.config;

/**
 * A config file is wrong. The message names the file, the key (dotted path) and what is allowed,
 * e.g. {@code configs/x.yaml: sampler.numChains: must be in [1, 65536], got 0}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
