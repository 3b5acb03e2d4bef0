package org.convergence.platform.messaging;

import org.convergence.contracts.IntegrationPayload;

/**
 * What a consumer does with one type of fact, given a context of its choosing (a projection's write batch, for
 * instance). Throws {@link RejectedEventException} for a fact it can never apply.
 */
@FunctionalInterface
public interface FactHandler<P extends IntegrationPayload, C> {

    void handle(Fact<P> fact, C context);
}
