/**
 * Provenance of every artifact: {@link org.rgflow.provenance.Manifest} (the only writer of
 * {@code manifest.json}), atomic file writes, SHA-256 digests, tool and platform info.
 * Depends on nothing else in rgflow.
 */
package org.rgflow.provenance;
