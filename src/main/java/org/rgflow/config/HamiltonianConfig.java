package org.rgflow.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The model: {@code type: nearest-neighbour} or {@code type: long-range}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NearestNeighbourConfig.class, name = "nearest-neighbour"),
    @JsonSubTypes.Type(value = LongRangeConfig.class, name = "long-range")
})
public sealed interface HamiltonianConfig permits NearestNeighbourConfig, LongRangeConfig {

    /** Coupling J (positive: ferromagnetic). */
    Double couplingJ();

    /** Uniform field h. */
    Double field();
}
