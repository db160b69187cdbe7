package org.rgflow.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The rgflow version and git commit this build came from (from {@code git.properties}, generated at
 * build time), and the Java/OS platform: numerics can differ by platform, so manifests record it.
 */
public final class ToolInfo {

    private ToolInfo() {
    }

    /** {name, version, gitCommit, gitDirty}. */
    public static Map<String, Object> tool() {
        Properties version = load("/org/rgflow/provenance/rgflow.properties");
        Properties git = load("/git.properties");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "rgflow");
        m.put("version", version.getProperty("version", "unknown"));
        m.put("gitCommit", git.getProperty("git.commit.id", "unknown"));
        m.put("gitDirty", Boolean.parseBoolean(git.getProperty("git.dirty", "false")));
        return m;
    }

    /** {javaVersion, javaVendor, osName, osArch, availableProcessors}. */
    public static Map<String, Object> platform() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("javaVendor", System.getProperty("java.vendor"));
        m.put("osName", System.getProperty("os.name"));
        m.put("osArch", System.getProperty("os.arch"));
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        return m;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // leave empty: reported as "unknown"
        }
        return p;
    }
}
