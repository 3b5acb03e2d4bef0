package org.convergence.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sends a command and waits, rethrowing the handler's own exception (a rule refusal, a concurrency
 * conflict) rather than Axon's wrappers, so REST can map it to the right status.
 */
@ApplicationScoped
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, MetaData metaData) {
        try {
            return gateway.sendAndWait(command, metaData);
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        Throwable current = e;
        while ((current instanceof CommandExecutionException || current instanceof CompletionException
                || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current instanceof RuntimeException runtime ? runtime : e;
    }
}
