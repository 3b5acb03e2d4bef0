package org.convergence.embedded;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line arguments. */
record Arguments(Map<String, String> values) {

    static Arguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i], args[i + 1]);
        }
        return new Arguments(values);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing argument " + name);
        }
        return value;
    }
}
