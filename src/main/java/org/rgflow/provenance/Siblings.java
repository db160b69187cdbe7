package org.rgflow.provenance;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden siblings rgflow keeps next to an artifact directory {@code DIR}: {@code .DIR.lock} (which stays,
 * {@link DirectoryLock}), work directories
 * {@code .DIR.work-<pid>-<n>} and replaced artifacts {@code .DIR.old-<pid>-<n>} (owner process id, then a counter
 * unique within that process), and the {@code .DIR.partial[-<pid>]} work directories of earlier versions. A sibling
 * is stale when its owner is dead: another process that no longer runs, this process when it no longer uses it, or
 * no known owner (the earlier versions' fixed {@code .DIR.partial}).
 */
final class Siblings {

    /** What a sibling is. */
    enum Role { WORK, OLD }

    /** A sibling with its owner's process id, -1 when unknown. */
    record Sibling(Path path, Role role, long pid) {
    }

    private static final Pattern NAME = Pattern.compile("(work|old)-(\\d+)-\\d+|partial(?:-(\\d+))?");
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Siblings this process is using now. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final long PID = ProcessHandle.current().pid();

    private Siblings() {
    }

    /** {@code .DIR.lock}: holds the pid of the run that has (or last had) DIR. */
    static Path lockFile(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /** A fresh, empty directory {@code .DIR.<role>-<pid>-<n>}, marked live until {@link #release}. */
    static Path create(Path target, Role role) throws IOException {
        while (true) {
            Path p = unusedName(target, role);
            try {
                Files.createDirectory(p);
                return p;
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(p); // a leftover of a dead process with this pid: take the next number
            }
        }
    }

    /** A name {@code .DIR.<role>-<pid>-<n>} that does not exist yet, marked live until {@link #release}. */
    static Path unusedName(Path target, Role role) {
        while (true) {
            Path p = target.resolveSibling("." + target.getFileName() + "." + role.name().toLowerCase(java.util
                    .Locale.ROOT) + "-" + PID + "-" + COUNTER.incrementAndGet());
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                LIVE.add(p);
                return p;
            }
        }
    }

    /** This process no longer uses {@code p}. */
    static void release(Path p) {
        if (p != null) {
            LIVE.remove(p);
        }
    }

    /** The work and old siblings of {@code target} whose owner is dead. */
    static List<Sibling> stale(Path target) throws IOException {
        List<Sibling> out = new ArrayList<>();
        String prefix = "." + target.getFileName() + ".";
        Path parent = target.getParent();
        if (!Files.isDirectory(parent)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> p.getFileName().toString()
                .startsWith(prefix))) {
            for (Path p : s) {
                Matcher m = NAME.matcher(p.getFileName().toString().substring(prefix.length()));
                if (!m.matches() || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Role role = "old".equals(m.group(1)) ? Role.OLD : Role.WORK;
                String pid = m.group(2) != null ? m.group(2) : m.group(3);
                Sibling sib = new Sibling(p, role, pid == null ? -1 : Long.parseLong(pid));
                if (!ownerAlive(sib)) {
                    out.add(sib);
                }
            }
        }
        out.sort((a, b) -> Long.compare(modified(b.path()), modified(a.path()))); // newest first
        return out;
    }

    private static boolean ownerAlive(Sibling s) {
        if (s.pid() < 0) {
            return false;
        }
        if (s.pid() == PID) {
            return LIVE.contains(s.path());
        }
        return ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
