package org.rgflow.config;

/** Dataset output: at most {@code shardSize} configurations per shard file (default 65536). */
public record OutputConfig(Integer shardSize) {

    public OutputConfig {
        shardSize = Checks.inRange("shardSize", shardSize == null ? 65536 : shardSize, 1, 1 << 24);
    }
}
