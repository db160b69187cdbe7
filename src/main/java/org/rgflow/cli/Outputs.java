package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Predicate;
import org.rgflow.provenance.ArtifactConflictException;
import org.rgflow.provenance.ArtifactDirectory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a command claims its output directory ({@link ArtifactDirectory}): a refusal is a one-line error with exit 2,
 * waiting for another run and repairs of an interrupted one are told on stderr. The claim is released when the
 * command ends ({@link RgflowCommand#commandLine()} wraps every command in {@link ArtifactDirectory#scope()}).
 */
final class Outputs {

    private Outputs() {
    }

    /** Claims {@code target} for an artifact of {@code kind} that no run can resume. */
    static ArtifactDirectory claim(CommandSpec spec, Path target, String kind, Path... inputs) throws IOException {
        return claim(spec, target, kind, p -> false, inputs);
    }

    /** Claims {@code target}; work directories of interrupted runs that pass {@code resumable} are kept. */
    static ArtifactDirectory claim(CommandSpec spec, Path target, String kind, Predicate<Path> resumable,
            Path... inputs) throws IOException {
        PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
        try {
            return ArtifactDirectory.claim(target, kind, Arrays.asList(inputs), resumable, line -> {
                err.println("rgflow: " + line);
                err.flush();
            });
        } catch (ArtifactConflictException e) {
            throw new UserException(e.getMessage());
        }
    }
}
