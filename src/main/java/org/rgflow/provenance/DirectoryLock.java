package org.rgflow.provenance;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Exclusive ownership of an artifact directory by one run at a time: a semaphore per directory within this process,
 * then {@link FileChannel#lock} on {@code .DIR.lock} across processes (released by the OS when a process dies).
 * Waits for the holder, saying so once. The lock file holds the holder's pid and stays when the run ends: deleting
 * it would let a waiter lock a deleted file while a newcomer locks a new one, and it cannot be checked safely,
 * because closing any descriptor of a file drops the process's POSIX locks on it (so the holder never reads it).
 */
final class DirectoryLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Semaphore local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Blocks until this run owns {@code target}; {@code notes} hears once that it waits, and for whom. */
    static DirectoryLock acquire(Path target, Consumer<String> notes) throws IOException {
        Path file = Siblings.lockFile(target);
        Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        boolean told = false;
        if (!local.tryAcquire()) {
            notes.accept(target + " is being written by another run in this process; waiting for it to finish");
            told = true;
            try {
                local.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + file);
            }
        }
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock l = ch.tryLock();
                if (l == null) {
                    if (!told) {
                        notes.accept(target + " is being written by process " + holder(file)
                                + "; waiting for it to finish");
                    }
                    l = ch.lock();
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                        .getBytes(StandardCharsets.UTF_8)), 0);
                return new DirectoryLock(local, ch, l);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.release();
            throw e;
        }
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip(); // we hold no lock on it yet
            return s.isEmpty() ? "?" : s;
        } catch (IOException e) {
            return "?";
        }
    }

    /** Releases the lock (the lock file stays, see above). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        } finally {
            local.release();
        }
    }
}
