package org.convergence.embedded;

import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One H2 MVStore file and the mongo-java-server backend that serves it. The library's default opens the
 * file with auto-commit: a background thread writes changes about once a second, so a process killed in
 * between loses what it had acknowledged. Here auto-commit is off, by time and by memory: nothing reaches the
 * file but {@link #commit()}, which {@link GroupCommit} calls before a command answers.
 */
final class StoreFile {

    private final Path path;
    private MongoVersion version;
    private MVStore store;
    private H2Backend backend;

    private StoreFile(Path path) {
        this.path = path;
    }

    static StoreFile open(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoreFile file = new StoreFile(path.toAbsolutePath());
        file.openStore();
        return file;
    }

    Path path() {
        return path;
    }

    H2Backend backend() {
        return backend;
    }

    /** The server version the backend announces, kept across rewrites. */
    void version(MongoVersion announced) {
        version = announced;
        backend.version(announced);
    }

    /** Writes every change made so far to the file (the operating system's cache: survives a killed process). */
    void commit() {
        store.commit();
    }

    /** Forces what was written to the storage device (survives a power loss). */
    void sync() {
        store.sync();
    }

    /**
     * Copies the live data into a new file that then replaces this one, so that what was deleted or overwritten
     * is in no file any more. MVStore itself never overwrites: a deleted value stays in an old chunk until its
     * space happens to be reused. Call with no command in progress; open cursors are lost.
     */
    void rewrite() {
        backend.close();
        MVStore.compact(path.toString(), false, null);
        syncDirectory(); // the rename that replaced the file, for a power loss right after it
        openStore();
    }

    void close() {
        backend.close();
    }

    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Some platforms cannot sync a directory; the rename is still atomic there.
        }
    }

    private void openStore() {
        store = new MVStore.Builder()
                .fileName(path.toString())
                .autoCommitDisabled()      // no background writer thread
                .autoCommitBufferSize(0)   // no commit from inside a write when unsaved memory grows
                .open();
        backend = new IndexedH2Backend(store);
        if (version != null) {
            backend.version(version);
        }
    }
}
