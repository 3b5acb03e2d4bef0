package org.convergence.platform.axon;

import org.axonframework.config.Configurer;

/** A service's contribution to its Axon configuration: its aggregates and command handlers. */
public interface AxonModule {

    void configure(Configurer configurer);
}
