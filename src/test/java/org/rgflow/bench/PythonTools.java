package org.rgflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs python3 snippets for the interop tests; they are skipped when python3 or a module is missing. */
final class PythonTools {

    private PythonTools() {
    }

    /** Whether {@code python} can import every module. */
    static boolean canImport(String python, String... modules) {
        return run(python, "import " + String.join(", ", modules)).exitCode() == 0;
    }

    record Result(int exitCode, String output) {

        List<String> lines() {
            return output.lines().toList();
        }
    }

    /** {@code python -c code args...}; exit code -1 when python cannot start. */
    static Result run(String python, String code, Object... args) {
        List<String> cmd = new ArrayList<>(List.of(python, "-c", code));
        for (Object a : args) {
            cmd.add(a.toString());
        }
        return exec(cmd);
    }

    static Result exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static String path(Path p) {
        return p.toAbsolutePath().toString();
    }
}
