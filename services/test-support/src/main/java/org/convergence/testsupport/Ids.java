package org.convergence.testsupport;

import java.util.UUID;

/** Fresh ids for test data: tests share one database and one broker, and never collide. */
public final class Ids {

    private Ids() {
    }

    /** A fresh slug such as {@code t-1a2b3c4d}. */
    public static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
