package org.convergence.embedded;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a command of the MongoDB protocol does to the store. Only commands known to change nothing count as
 * reads: an unknown command is treated as a change, which costs a commit but can never lose a write.
 */
final class CommandKinds {

    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "hello", "ismaster", "buildinfo", "ping", "serverstatus", "killcursors",
            "endsessions", "whatsmyuri", "getlasterror", "getlog", "connectionstatus", "hostinfo", "getcmdlineopts",
            "getfreemonitoringstatus", "dbstats", "collstats", "explain", "getparameter", "replsetgetstatus",
            "saslstart", "saslcontinue");

    /** Changes that only add: the previous content of the file is still all there is to erase. */
    private static final Set<String> ADDITIONS = Set.of("insert", "create", "createindexes");

    private CommandKinds() {
    }

    static boolean isRead(String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !writesOutput(body);
        }
        return READS.contains(name);
    }

    /** A change that may remove or overwrite stored bytes (delete, update, findAndModify, drop...). */
    static boolean mayRemove(String command, Document body) {
        return !isRead(command, body) && !ADDITIONS.contains(command.toLowerCase(Locale.ROOT));
    }

    private static boolean writesOutput(Document body) {
        Object pipeline = body == null ? null : body.get("pipeline");
        if (pipeline instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document document
                        && (document.containsKey("$out") || document.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
