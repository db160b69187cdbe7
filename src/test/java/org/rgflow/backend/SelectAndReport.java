package org.rgflow.backend;

/** A child-JVM program for {@link BlasKernelChildJvmTest}: select, load OpenBLAS, print what runs. */
public final class SelectAndReport {

    private SelectAndReport() {
    }

    public static void main(String[] args) {
        BlasKernel.select();
        BlasKernel k = BlasKernel.current();
        System.out.println("core=" + k.core());
        System.out.println("source=" + k.source());
        System.out.println("description=" + k.description());
        System.out.println("config=" + k.config());
        System.out.println("library=" + k.library());
    }
}
