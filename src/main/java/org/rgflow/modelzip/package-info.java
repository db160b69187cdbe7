/**
 * Loading DL4J {@code ModelSerializer} zips without trusting them: only the entries rgflow writes, each read with a
 * size limit derived from the network's configuration, class names in the configuration from an allow-list, arrays
 * decoded here after their headers are checked, and no Java deserialization at all ({@link
 * org.rgflow.modelzip.SafeModelZip}). Uses no other rgflow package.
 */
package org.rgflow.modelzip;
