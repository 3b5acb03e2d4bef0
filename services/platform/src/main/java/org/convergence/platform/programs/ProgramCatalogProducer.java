package org.convergence.platform.programs;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.platform.config.PlatformConfig;

import java.util.ArrayList;
import java.util.List;

/** Makes the configured catalogue available to CDI; a bad configuration fails the start, naming the program. */
@Singleton
public class ProgramCatalogProducer {

    @Produces
    @Singleton
    ProgramCatalog catalog(PlatformConfig config) {
        List<Program> programs = new ArrayList<>();
        config.programs().forEach((code, settings) -> {
            try {
                programs.add(settings.toProgram(code));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("convergence.programs." + code + ": " + e.getMessage(), e);
            }
        });
        return new ProgramCatalog(programs);
    }
}
