package org.convergence.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A {@link StoreFile} whose commands answer only once what they changed, or saw, is durable
 * ({@link GroupCommit}). An <em>erasable</em> file is also rewritten after every command that may remove
 * or overwrite data, before that command answers, so that a deleted value is then in no file at all; it is
 * rewritten when opened too, in case a process was killed between a deletion and its rewrite.
 */
final class DurableFile {

    private final StoreFile file;
    private final GroupCommit commits;
    private final boolean erasable;
    /** Erasable files only: commands share it, a rewrite (which swaps the backend) takes it alone. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();

    private DurableFile(StoreFile file, boolean fsync, boolean erasable) {
        this.file = file;
        this.commits = new GroupCommit(file::commit, fsync ? file::sync : () -> { });
        this.erasable = erasable;
    }

    static DurableFile open(Path path, boolean fsync, boolean erasable) {
        DurableFile durable = new DurableFile(StoreFile.open(path), fsync, erasable);
        if (erasable) {
            durable.rewrite();
        }
        return durable;
    }

    /** Runs one command against this file's backend, with the durability (and erasure) it promises. */
    <T> T execute(String command, Document body, Function<MongoBackend, T> operation) {
        boolean read = CommandKinds.isRead(command, body);
        if (!erasable) {
            return run(read, operation);
        }
        T result;
        swap.readLock().lock();
        try {
            result = run(read, operation);
        } finally {
            swap.readLock().unlock();
        }
        if (CommandKinds.mayRemove(command, body)) {
            rewrite();
        }
        return result;
    }

    /** Operations outside any one command (closing a client's cursors, for instance). */
    void withBackend(java.util.function.Consumer<MongoBackend> action) {
        swap.readLock().lock();
        try {
            action.accept(file.backend());
        } finally {
            swap.readLock().unlock();
        }
    }

    MongoBackend backend() {
        return file.backend();
    }

    StoreFile file() {
        return file;
    }

    long commits() {
        return commits.commits();
    }

    long changes() {
        return commits.changes();
    }

    void close() {
        swap.writeLock().lock();
        try {
            commits.commitNow();
            file.close();
        } finally {
            swap.writeLock().unlock();
        }
    }

    private <T> T run(boolean read, Function<MongoBackend, T> operation) {
        return read ? commits.read(() -> operation.apply(file.backend()))
                : commits.change(() -> operation.apply(file.backend()));
    }

    private void rewrite() {
        swap.writeLock().lock();
        try {
            commits.commitNow();
            file.rewrite();
        } finally {
            swap.writeLock().unlock();
        }
    }
}
