package org.rgflow.cli;

import java.io.PrintWriter;
import org.rgflow.backend.BackendUnavailableException;
import org.rgflow.backend.BlasKernel;
import org.rgflow.config.ConfigException;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.ToolInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code rgflow} command. Subcommands parse and validate their input and call the library
 * packages; errors the user can fix print one line (exit 2 for configs and inputs, 3 for the
 * backend), {@code --verbose} adds the stack trace.
 */
@Command(name = "rgflow", mixinStandardHelpOptions = true, versionProvider = RgflowCommand.Version.class,
        description = "Spin-lattice Monte Carlo, RBMs on DL4J/ND4J and renormalization-group flow analysis.",
        subcommands = {InfoCommand.class, SampleCommand.class, BenchCommand.class, CriticalCommand.class,
            TrainCommand.class, SampleModelCommand.class,
            SearchCommand.class,
            AnalyzeCommand.class,
            ThermometerCommand.class,
            ReproduceCommand.class})
public final class RgflowCommand implements Runnable {

    /** Exit code for bad configs, arguments or inputs. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the ND4J backend cannot load or is not the required one. */
    public static final int EXIT_BACKEND = 3;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        BlasKernel.select(); // before anything loads OpenBLAS: its core is fixed at load
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RgflowCommand());
        cl.setExecutionExceptionHandler(RgflowCommand::handle);
        cl.setExecutionStrategy(parsed -> { // no exit path keeps a claimed output directory or its lock
            try (ArtifactDirectory.Scope outputs = ArtifactDirectory.scope()) {
                return new CommandLine.RunLast().execute(parsed);
            }
        });
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = parsed.matchedOption("--verbose") != null || hasVerbose(parsed);
        int code;
        if (e instanceof ConfigException || e instanceof IllegalArgumentException || isUserError(e)) {
            code = EXIT_USAGE;
        } else if (e instanceof BackendUnavailableException) {
            code = EXIT_BACKEND;
        } else {
            code = 1;
        }
        err.println("rgflow: error: " + e.getMessage());
        if (verbose || code == 1) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --verbose for details)");
        }
        err.flush();
        return code;
    }

    private static boolean hasVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.matchedOption("--verbose") != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUserError(Exception e) {
        return e.getClass().getSimpleName().equals("DatasetException") || e instanceof UserException;
    }

    /** Reports the rgflow version and the git commit of this build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var tool = ToolInfo.tool();
            return new String[] {"rgflow " + tool.get("version") + " (commit " + tool.get("gitCommit")
                    + (Boolean.TRUE.equals(tool.get("gitDirty")) ? ", dirty" : "") + ")"};
        }
    }
}
