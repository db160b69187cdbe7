package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow reproduce <paper> [--quick]}: one paper's whole pipeline (sample &rarr; train &rarr; analyse) from
 * the configs in {@code configs/<paper>/}, ending in {@code report.md} (claims, measured numbers, verdicts, figures)
 * and {@code manifest.json} in {@code runs/reproduce/<paper>[-quick]/}. Datasets and models go to {@code datasets/}
 * and {@code models/} as with {@code sample} and {@code train}, and are reused when their configs match.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a paper's RG-flow result end to end and write a report: iso2018, koch2020, "
                + "mehta2014, shortsighted2020, funai2018.")
final class ReproduceCommand implements Callable<Integer> {

    static final List<String> PAPERS = List.of("iso2018", "mehta2014", "koch2020", "shortsighted2020", "funai2018");

    /** The step roles of each pipeline ({@code --set ROLE:...}); {@code L<n>} roles exist per lattice size. */
    static final Map<String, List<String>> ROLES = ReproduceSteps.roles();

    @Parameters(index = "0", paramLabel = "PAPER", description = "One of ${COMPLETION-CANDIDATES}.",
            completionCandidates = Papers.class)
    String paper;

    @Option(names = "--quick", description = "A few-minute version (shorter training, fewer chains).")
    boolean quick;

    @Option(names = "--tiny", hidden = true, description = "Seconds-long version for tests (tiny lattice).")
    boolean tiny;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/reproduce/<paper>[-quick]).")
    Path out;

    @Option(names = "--root", hidden = true, paramLabel = "DIR",
            description = "Where datasets/ and models/ go (default: the working directory).")
    Path root = Path.of(".");

    @Option(names = "--force", description = "Retrain models and thermometers even when up to date.")
    boolean force;

    @Option(names = "--set", paramLabel = "ROLE:KEY=VALUE", description = "Override a config value of one pipeline "
            + "step, e.g. --set train:epochs=2000 or --set thermometer:epochs=10; ROLE* names every step whose role "
            + "starts with ROLE, e.g. 'train*:epochs=2000' (roles: the \"role\" of each input in a report's "
            + "manifest.json).")
    List<String> sets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    static final class Papers implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PAPERS.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        if (!PAPERS.contains(paper)) {
            throw new UserException("unknown paper '" + paper + "'; choose one of " + PAPERS);
        }
        if (quick && tiny) {
            throw new UserException("--quick and --tiny exclude each other");
        }
        ReproduceContext.Mode mode = tiny ? ReproduceContext.Mode.TINY
                : quick ? ReproduceContext.Mode.QUICK : ReproduceContext.Mode.FULL;
        String suffix0 = switch (mode) {
            case FULL -> "";
            case QUICK -> "-quick";
            case TINY -> "-tiny";
        };
        String suffix = suffix0;
        List<String[]> userSets = parseSets(paper, sets);
        ReproduceSteps.checkOverrides(paper, userSets); // every step's overrides, before the first step runs
        if (!userSets.isEmpty()) {
            suffix += "-" + Sha256.of(String.join("\n", sets)).substring(0, 8); // a variant is not the paper's run
        }
        Path runDir = out != null ? out : Path.of("runs", "reproduce", paper + suffix);
        ArtifactDirectory run = Outputs.claim(spec, runDir, "reproduction");
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("reproduce %s (%s) -> %s%n", paper, mode.name().toLowerCase(java.util.Locale.ROOT), runDir);
        stdout.flush();
        ReproduceContext ctx = new ReproduceContext(paper, root, run.newWork(), mode, force, stdout, userSets);
        ctx.target(runDir);
        long t0 = System.nanoTime();
        ReportVerdict verdict = switch (paper) {
            case "koch2020" -> ReproduceKoch2020.run(ctx);
            case "mehta2014" -> ReproduceMehta2014.run(ctx);
            case "funai2018" -> ReproduceFunai2018.run(ctx);
            case "shortsighted2020" -> ReproduceShortsighted2020.run(ctx);
            default -> ReproduceIso2018.run(ctx);
        };
        run.publish();
        stdout.printf("reproduce %s: %s (%.0f s)%n", paper, verdict.label(), (System.nanoTime() - t0) / 1e9);
        stdout.flush();
        return 0;
    }

    /** Whether a user's role names a step: equal, or a prefix of it when it ends in {@code *}. */
    static boolean roleMatches(String userRole, String stepRole) {
        return userRole.endsWith("*") ? stepRole.startsWith(userRole.substring(0, userRole.length() - 1))
                : userRole.equals(stepRole);
    }

    /** {@code ROLE:key=value} &rarr; {ROLE, key=value}, the role checked against {@link #ROLES}. */
    static List<String[]> parseSets(String paper, List<String> sets) {
        List<String[]> out = new ArrayList<>();
        for (String x : sets) {
            int colon = x.indexOf(':');
            int eq = x.indexOf('=');
            if (colon < 1 || eq < colon + 2) {
                throw new UserException("--set '" + x + "': expected ROLE:key=value, e.g. train:epochs=10; roles of "
                        + paper + ": " + ROLES.get(paper));
            }
            String role = x.substring(0, colon);
            boolean known = ROLES.get(paper).stream().anyMatch(r -> roleMatches(role, r.replace("<n>", "0"))
                    || Pattern.matches(Pattern.quote(r).replace("<n>", "\\E\\d+\\Q"), role));
            if (!known) {
                throw new UserException("--set '" + x + "': " + paper + " has no step '" + role + "'; its roles: "
                        + ROLES.get(paper));
            }
            out.add(new String[] {role, x.substring(colon + 1)});
        }
        return out;
    }
}
