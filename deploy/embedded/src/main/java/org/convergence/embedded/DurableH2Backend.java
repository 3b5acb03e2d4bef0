package org.convergence.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The embedded server's backend on H2 files: a command answers only once its effect is durable in the file
 * (and, with fsync, on the device), and a database named {@code *_keys} lives in a file of its own that is
 * rewritten after every deletion, so that an erased key is in no file once the deletion has answered
 * (ADR 0013). Every other database shares the main file.
 */
final class DurableH2Backend implements MongoBackend {

    /** Databases with this suffix hold keys whose erasure must reach the disk (enrolment's {@code enrolment_keys}). */
    static final String KEY_DATABASE_SUFFIX = "_keys";

    private final DurableFile main;
    private final DurableFile keys;

    private DurableH2Backend(DurableFile main, DurableFile keys) {
        this.main = main;
        this.keys = keys;
    }

    /**
     * Opens (or creates) {@code file} and its key file beside it ({@code convergence.mv} →
     * {@code convergence-keys.mv}). With {@code fsync}, each commit is forced to the device.
     */
    static DurableH2Backend open(Path file, boolean fsync) {
        Path absolute = file.toAbsolutePath();
        KeyDatabaseMove.outOf(absolute, keyFileOf(absolute));
        DurableFile main = DurableFile.open(absolute, fsync, false);
        try {
            return new DurableH2Backend(main, DurableFile.open(keyFileOf(absolute), fsync, true));
        } catch (RuntimeException e) {
            main.close();
            throw e;
        }
    }

    static Path keyFileOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String keysName = dot < 0 ? name + "-keys" : name.substring(0, dot) + "-keys" + name.substring(dot);
        return file.resolveSibling(keysName);
    }

    static boolean isKeyDatabase(String database) {
        return database != null && database.endsWith(KEY_DATABASE_SUFFIX);
    }

    /** Commits and writes of changes so far, main file first: how many writes a commit carried. */
    long[] commitsAndChanges() {
        return new long[] {main.commits() + keys.commits(), main.changes() + keys.changes()};
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body.keySet().iterator().next();
        return fileOf(message.getDatabaseName()).execute(command, body, backend -> backend.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return fileOf(database).execute(command, query,
                backend -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return fileOf(query.getDatabaseName()).execute("find", query.getQuery(), backend -> backend.handleQuery(query));
    }

    @Override
    public void dropDatabase(String database) {
        fileOf(database).execute("dropDatabase", null, backend -> {
            backend.dropDatabase(database);
            return null;
        });
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return fileOf(database).backend().resolveDatabase(database);
    }

    @Override
    public void handleClose(Channel channel) {
        main.withBackend(backend -> backend.handleClose(channel));
        keys.withBackend(backend -> backend.handleClose(channel));
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        main.withBackend(backend -> backend.closeCursors(cursorIds));
        keys.withBackend(backend -> backend.closeCursors(cursorIds));
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return main.backend().getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return main.backend().getServerStatus();
    }

    @Override
    public Clock getClock() {
        return main.backend().getClock();
    }

    @Override
    public void enableOplog() {
        throw new UnsupportedOperationException("The embedded server keeps no oplog on its H2 files");
    }

    @Override
    public void disableOplog() {
        // Never enabled.
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        main.file().version(version);
        keys.file().version(version);
        return this;
    }

    @Override
    public void close() {
        try {
            keys.close();
        } finally {
            main.close();
        }
    }

    private DurableFile fileOf(String database) {
        return isKeyDatabase(database) ? keys : main;
    }
}
