package org.convergence.embedded;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Data written before key databases had a file of their own: moves their maps from the main file to the key
 * file, then rewrites the main file so that no old chunk of it still holds a key. Runs once, when such maps
 * are found at start-up; a file without them is left untouched.
 */
final class KeyDatabaseMove {

    private static final List<String> PREFIXES = List.of("databases.", "meta.");

    private KeyDatabaseMove() {
    }

    static void outOf(Path mainFile, Path keyFile) {
        if (!Files.exists(mainFile)) {
            return;
        }
        List<String> moved;
        try (MVStore main = MVStore.open(mainFile.toString()); MVStore keys = MVStore.open(keyFile.toString())) {
            moved = main.getMapNames().stream().filter(KeyDatabaseMove::belongsToKeyDatabase).toList();
            for (String name : moved) {
                // Documents and index keys may be in their compact forms (ADR 0049): opened with the types that read both.
                MVMap<Object, Object> from = IndexedH2Backend.openAny(main, name);
                MVMap<Object, Object> to = IndexedH2Backend.openAny(keys, name);
                to.putAll(from);
                main.removeMap(from);
            }
            keys.commit();
            keys.sync();
            main.commit();
        }
        if (!moved.isEmpty()) {
            MVStore.compact(mainFile.toString(), false, null);
            System.out.println("Moved " + moved.size() + " maps of key databases from " + mainFile + " to " + keyFile
                    + " and rewrote " + mainFile);
        }
    }

    static boolean belongsToKeyDatabase(String mapName) {
        String name = mapName;
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
                break;
            }
        }
        int dot = name.indexOf('.');
        return DurableH2Backend.isKeyDatabase(dot < 0 ? name : name.substring(0, dot));
    }
}
