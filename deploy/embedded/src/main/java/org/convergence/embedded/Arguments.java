package org.convergence.embedded;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line arguments of the server mains. */
record Arguments(Map<String, String> values) {

    static Arguments parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("Expected --name value pairs, got " + String.join(" ", args));
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
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

    boolean optionalBoolean(String name, boolean defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, got " + value);
        }
        return Boolean.parseBoolean(value);
    }

    int requiredPort(String name) {
        try {
            int port = Integer.parseInt(required(name));
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(name + " must be a port (0-65535), got " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got " + values.get(name), e);
        }
    }
}
