package org.convergence.platform.relay;

import jakarta.inject.Singleton;

/** Lets the event store wake the relay after a local commit without depending on it. */
@Singleton
public class RelaySignal {

    private volatile Runnable listener = () -> { };

    public void fire() {
        listener.run();
    }

    void listen(Runnable listener) {
        this.listener = listener;
    }
}
