package org.rgflow.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first processor of {@code /proc/cpuinfo}: vendor, family, model, stepping and feature flags
 * (Linux x86-64 only; elsewhere {@link #read()} is empty).
 *
 * @param vendor e.g. GenuineIntel, AuthenticAMD
 * @param family cpu family
 * @param model model number
 * @param stepping stepping
 * @param flags the {@code flags} line, e.g. avx2, fma, avx512f
 */
record CpuInfo(String vendor, int family, int model, int stepping, Set<String> flags) {

    /** Test-only: a file in /proc/cpuinfo format read instead of /proc/cpuinfo. */
    static final String SIMULATE_PROPERTY = "rgflow.blas.simulate.cpuinfo";

    CpuInfo {
        flags = Set.copyOf(flags);
    }

    /** This machine's processor, or empty off Linux x86-64 or when /proc/cpuinfo cannot be read. */
    static Optional<CpuInfo> read() {
        String simulated = System.getProperty(SIMULATE_PROPERTY);
        boolean linuxX86 = System.getProperty("os.name", "").startsWith("Linux")
                && Set.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""));
        if (simulated == null && !linuxX86) {
            return Optional.empty();
        }
        try {
            return parse(Files.readString(Path.of(simulated != null ? simulated : "/proc/cpuinfo"),
                    StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses the first processor block of a /proc/cpuinfo text; empty if a field is missing. */
    static Optional<CpuInfo> parse(String text) {
        String vendor = null;
        Integer family = null;
        Integer model = null;
        int stepping = 0;
        Set<String> flags = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() && vendor != null) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = Integer.valueOf(value);
                case "model" -> model = Integer.valueOf(value);
                case "stepping" -> stepping = parseOrZero(value);
                case "flags" -> flags = new TreeSet<>(Arrays.asList(value.split("\\s+")));
                default -> { }
            }
        }
        if (vendor == null || family == null || model == null || flags == null) {
            return Optional.empty();
        }
        return Optional.of(new CpuInfo(vendor, family, model, stepping, flags));
    }

    private static int parseOrZero(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean has(String... required) {
        return flags.containsAll(Arrays.asList(required));
    }

    /** vendor-family-model-stepping-(8 hex of SHA-256 of the sorted flags): names a processor kind. */
    String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(" ", new TreeSet<>(flags)).getBytes(StandardCharsets.US_ASCII));
            return vendor.replaceAll("[^A-Za-z0-9]", "") + "-" + family + "-" + model + "-" + stepping + "-"
                    + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
