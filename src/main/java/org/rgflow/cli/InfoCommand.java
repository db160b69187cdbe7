package org.rgflow.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.rgflow.backend.BackendInfo;
import org.rgflow.provenance.ToolInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rgflow info}: the ND4J backend, its version, dtype, BLAS (library, version, kernel and where it came from),
 * threads, CUDA devices, platform.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the ND4J backend, version, dtype, BLAS (library, version, kernel and where it came from), "
                + "thread settings, CUDA devices and platform.")
final class InfoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> tool = ToolInfo.tool();
        out.printf("rgflow          %s (commit %s)%n", tool.get("version"), tool.get("gitCommit"));
        BackendInfo b = BackendInfo.current();
        out.printf("backend         %s (%s)%n", b.backend(), b.backendClass());
        out.printf("nd4j version    %s%n", b.nd4jVersion());
        out.printf("default dtype   %s%n", b.dtype());
        out.printf("blas            %s%n", b.blasVendor());
        out.printf("blas library    %s%n", b.blasLibrary());
        out.printf("blas config     %s%n", b.blasConfig());
        out.printf("blas core       %s (%s)%n", b.blasCore(), b.blasCoreSource());
        out.printf("omp threads     %d (OMP_NUM_THREADS=%s, OMP_WAIT_POLICY=%s)%n", b.ompThreads(),
                b.environment().get("OMP_NUM_THREADS"), b.environment().get("OMP_WAIT_POLICY"));
        out.printf("cuda devices    %s%n", b.devices().isEmpty() ? "none" : String.join("; ", b.devices()));
        out.printf("cuda support    %s%n", BackendInfo.CUDA_SUPPORT);
        Map<String, Object> p = ToolInfo.platform();
        out.printf("java            %s (%s)%n", p.get("javaVersion"), p.get("javaVendor"));
        out.printf("os              %s %s, %s processors%n", p.get("osName"), p.get("osArch"), p.get("availableProcessors"));
        out.flush();
    }
}
