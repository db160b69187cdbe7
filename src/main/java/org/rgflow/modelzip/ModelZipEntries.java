package org.rgflow.modelzip;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The entries of a model zip, checked against an allow-list of names (unique, plain names) before any is read, and
 * read with a limit on the bytes actually inflated: the sizes in the zip's headers are not trusted.
 */
final class ModelZipEntries implements Closeable {

    private final Path path;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;

    private ModelZipEntries(Path path, ZipFile zip, Map<String, ZipEntry> entries) {
        this.path = path;
        this.zip = zip;
        this.entries = entries;
    }

    /** Opens {@code path} and refuses any entry whose name is not in {@code allowed}, or that appears twice. */
    static ModelZipEntries open(Path path, Set<String> allowed) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (IOException e) {
            throw new ModelZipException(path, "is not a readable zip file (" + ModelZipException.firstLine(e) + ")", e);
        }
        try {
            Map<String, ZipEntry> found = new HashMap<>();
            for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements();) {
                ZipEntry e = it.nextElement();
                if (!allowed.contains(e.getName())) {
                    String what = isPlainName(e.getName()) ? "is not one rgflow writes" : "is not a plain file name";
                    throw new ModelZipException(path, e.getName(), what + " (a model zip holds only "
                            + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
                if (found.put(e.getName(), e) != null) {
                    throw new ModelZipException(path, e.getName(), "appears twice");
                }
            }
            return new ModelZipEntries(path, zip, found);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '/' && c != '\\')
                && !name.equals(".") && !name.equals("..");
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /**
     * The bytes of entry {@code name}, inflating at most {@code limit} + 1 of them.
     *
     * @param why what the limit is, for the message
     * @throws ModelZipException if the entry is missing, larger than {@code limit} or unreadable
     */
    byte[] read(String name, long limit, String why) {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new ModelZipException(path, name, "is missing");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new ModelZipException(path, name, "inflates to more than " + limit + " bytes (" + why
                        + "; its header claims " + e.getSize() + "), so reading stopped there");
            }
            return bytes;
        } catch (IOException ex) {
            throw new ModelZipException(path, "cannot read entry '" + ModelZipException.printable(name) + "' ("
                    + ModelZipException.firstLine(ex) + ")", ex);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }
}
