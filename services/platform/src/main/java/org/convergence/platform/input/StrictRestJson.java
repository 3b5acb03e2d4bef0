package org.convergence.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.convergence.contracts.input.StrictJson;

/**
 * REST bodies are read like every other door: the framework's mapper gets {@link StrictJson}'s rules, last, so no
 * configuration property of Quarkus loosens them again.
 */
@Singleton
public class StrictRestJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.configure(mapper);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
