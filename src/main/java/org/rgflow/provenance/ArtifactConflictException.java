package org.rgflow.provenance;

/** An output directory rgflow must not write: not its own artifact of that kind, or an input of the run. */
public final class ArtifactConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArtifactConflictException(String message) {
        super(message);
    }
}
