package org.convergence.reporting.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The French label of each figure key, from {@code dashboard/figure-labels.properties} (UTF-8). */
public final class FigureLabels {

    static final String RESOURCE = "dashboard/figure-labels.properties";
    private final Properties labels = new Properties();

    public FigureLabels() {
        try (InputStream in = FigureLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String key) {
        return labels.containsKey(key);
    }

    /** The label, or the key itself for a figure nobody labelled yet (a test requires every figure to have one). */
    public String of(String key) {
        return labels.getProperty(key, key);
    }
}
