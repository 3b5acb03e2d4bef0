package org.convergence.platform.axon;

import org.axonframework.config.Configurer;

/**
 * A service's contribution to its Axon configuration: its aggregates and command handlers. An aggregate is
 * registered with {@link CreateIfMissingRepository#configuration(Class)}, Axon's defaults but for how a new stream is
 * found empty.
 */
public interface AxonModule {

    void configure(Configurer configurer);
}
