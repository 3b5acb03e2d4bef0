package org.convergence.platform.relay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last commits this relay had every event of acknowledged, oldest dropped first (ADR 0051). A commit
 * id names one stored commit for good, so "this relay published it" stays true. What it is for: a writer that
 * loaded a stream before another stored its next commit announces that commit's id again, and its insert is then
 * refused and the id taken back; a round that reads the queue in between would start the stream at that id and
 * send the stored commit a second time. Such an id is recognised here and forgotten without being sent, as a cursor
 * past it did before. Only a restart or a lease change (or more than {@code capacity} commits published since)
 * forgets it, and then the commit is sent again: at least once, as after any failure.
 */
final class RecentlyPublished {

    private final Map<String, Boolean> ids;

    RecentlyPublished(int capacity) {
        this.ids = new LinkedHashMap<>(1_024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(String commitId) {
        ids.put(commitId, Boolean.TRUE);
    }

    synchronized boolean contains(String commitId) {
        return ids.containsKey(commitId);
    }
}
