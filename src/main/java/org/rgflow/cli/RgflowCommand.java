package org.rgflow.cli;

import java.io.PrintWriter;
import java.util.List;
import org.rgflow.backend.BlasKernel;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.ToolInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code rgflow} command. Subcommands parse and validate their input and call the library packages. Every
 * failure prints one line, classified by {@link ErrorReport}: exit 2 for a bad config, argument or input, 3 when the
 * backend cannot load, 1 for environment faults (disk full, permissions, memory) and bugs; {@code --verbose} or
 * {@code RGFLOW_DEBUG=1} adds the stack trace.
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

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces on errors (also: RGFLOW_DEBUG=1).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        BlasKernel.select(); // before anything loads OpenBLAS: its core is fixed at load
        CommandLine cl = commandLine();
        System.exit(execute(cl, args));
    }

    /** The configured picocli command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RgflowCommand());
        cl.setExecutionExceptionHandler(RgflowCommand::handle);
        cl.setParameterExceptionHandler(RgflowCommand::handleParameters);
        cl.setExecutionStrategy(parsed -> { // no exit path keeps a claimed output directory or its lock
            try (ArtifactDirectory.Scope outputs = ArtifactDirectory.scope()) {
                return new CommandLine.RunLast().execute(parsed);
            }
        });
        return cl;
    }

    /**
     * Runs {@code cl} like {@link CommandLine#execute}, also reporting the errors picocli lets through (e.g.
     * {@link OutOfMemoryError}) as one line with an exit code instead of a JVM stack trace.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            List<String> a = List.of(args);
            int i = a.lastIndexOf("--out");
            return report(e, cl.getErr(), a.contains("--verbose"), i >= 0 && i + 1 < a.size() ? a.get(i + 1) : null);
        }
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        String out = null;
        boolean verbose = false;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            verbose |= p.matchedOption("--verbose") != null;
            if (p.matchedOption("--out") != null) {
                out = String.valueOf((Object) p.matchedOption("--out").getValue());
            }
        }
        return report(e, cl.getErr(), verbose, out);
    }

    /** One line per failure (README, exit codes); the stack trace with --verbose or RGFLOW_DEBUG=1. */
    private static int report(Throwable e, PrintWriter err, boolean verbose, String outputHint) {
        ErrorReport r = ErrorReport.of(e, outputHint);
        err.println("rgflow: error: " + r.line());
        if (verbose || debugRequested()) {
            e.printStackTrace(err);
        }
        err.flush();
        return r.exitCode();
    }

    /** Bad options or arguments: one line and a pointer to the command's --help, exit 2. */
    private static int handleParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("rgflow: error: " + ErrorReport.oneLine(e.getMessage()) + " (see `"
                + cl.getCommandSpec().qualifiedName() + " --help`)");
        cl.getErr().flush();
        return EXIT_USAGE;
    }

    /** {@code RGFLOW_DEBUG} set to anything but empty or 0 prints stack traces, like --verbose. */
    static boolean debugRequested() {
        String d = System.getenv("RGFLOW_DEBUG");
        return d != null && !d.isBlank() && !"0".equals(d.strip());
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
