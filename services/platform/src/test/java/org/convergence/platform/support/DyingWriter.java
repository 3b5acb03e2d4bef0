package org.convergence.platform.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * A writer's view of the database that dies (throws {@link Died}) right after its first insert into one collection
 * reached the database, whatever the writer meant to do next: how a process killed at that instant looks to
 * the others. It does not depend on the order of the writer's own steps.
 */
public final class DyingWriter {

    /** The writer's process is gone: nothing after the insert happened. */
    public static final class Died extends RuntimeException {
        public Died(String message) {
            super(message);
        }
    }

    private DyingWriter() {
    }

    /** {@code database} as seen by a writer that dies right after its first insert into {@code collection}. */
    public static MongoDatabase diesAfterInsertInto(MongoDatabase database, String collection) {
        boolean[] dead = {false};
        return Interception.proxy(MongoDatabase.class, (proxy, method, args) -> {
            if (dead[0]) {
                throw new Died("the writer is gone");
            }
            Object result = Interception.invoke(database, method, args);
            if (method.getName().equals("getCollection") && collection.equals(args[0])) {
                MongoCollection<?> real = (MongoCollection<?>) result;
                return Interception.proxy(MongoCollection.class, (p, m, a) -> {
                    if (dead[0]) {
                        throw new Died("the writer is gone");
                    }
                    Object r = Interception.invoke(real, m, a);
                    if (m.getName().startsWith("insert")) {
                        dead[0] = true;
                        throw new Died("killed right after inserting into " + collection);
                    }
                    return r;
                });
            }
            if (result instanceof MongoCollection<?> other) {
                MongoCollection<?> real = other;
                return Interception.proxy(MongoCollection.class, (p, m, a) -> {
                    if (dead[0]) {
                        throw new Died("the writer is gone");
                    }
                    return Interception.invoke(real, m, a);
                });
            }
            return result;
        });
    }
}
