/**
 * YAML configs bound to immutable, validated records ({@link org.rgflow.config.SampleConfig} and its
 * sections) by {@link org.rgflow.config.ConfigLoader}. Defaults live in the records' compact
 * constructors. Depends on nothing else in rgflow.
 */
package org.rgflow.config;
