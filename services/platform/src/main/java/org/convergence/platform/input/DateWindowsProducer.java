package org.convergence.platform.input;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.contracts.input.DateWindow;
import org.convergence.contracts.input.DateWindows;
import org.convergence.platform.config.PlatformConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/** The date windows of {@code convergence.input.dates.<kind>}, read once; a malformed end stops the start-up. */
public class DateWindowsProducer {

    @Produces
    @Singleton
    DateWindows dateWindows(PlatformConfig config) {
        Map<String, DateWindow> windows = new LinkedHashMap<>();
        config.input().dates().forEach((kind, range) -> windows.put(kind, DateWindow.of(range.from(), range.to())));
        return new DateWindows(windows);
    }
}
