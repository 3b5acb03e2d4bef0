package org.convergence.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sends commands and waits, rethrowing the handler's own exception (a rule refusal, a concurrency conflict)
 * rather than Axon's wrappers, so REST can map it to the right status. Every command carries who recorded it
 * ({@link RecordedBy}): callers never build that metadata themselves.
 */
@ApplicationScoped
public class Commands {

    private final CommandGateway gateway;
    private final RecordedBy recordedBy;

    public Commands(CommandGateway gateway, RecordedBy recordedBy) {
        this.gateway = gateway;
        this.recordedBy = recordedBy;
    }

    /** Sends one command on behalf of the current actor. */
    public <R> R send(Object command) {
        return send(command, MetaData.emptyInstance());
    }

    /** Sends one command on behalf of the current actor, with extra metadata (e.g. {@code source=import}). */
    public <R> R send(Object command, MetaData extra) {
        try {
            return gateway.sendAndWait(command, recordedBy.current().mergedWith(extra));
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    /**
     * Sends many commands and reports each one's outcome, in order: a refused command never stops the others.
     * Callers get the same outcomes as from one {@link #send} per command; the events of the accepted ones are
     * appended together, in one store call per batch of distinct aggregates ({@link CommandBatch}, ADR 0008).
     */
    public List<Outcome> sendAll(List<?> commands, MetaData extra) {
        MetaData metaData = recordedBy.current().mergedWith(extra);
        if (CurrentUnitOfWork.isStarted()) {
            // Inside another unit of work (a handler sending commands) nothing would be stored before it ends.
            List<Outcome> outcomes = new ArrayList<>(commands.size());
            for (Object command : commands) {
                try {
                    outcomes.add(Outcome.success(gateway.sendAndWait(command, metaData)));
                } catch (RuntimeException e) {
                    outcomes.add(Outcome.failure(unwrap(e)));
                }
            }
            return outcomes;
        }
        return new CommandBatch(gateway, metaData).sendAll(commands);
    }

    /** What became of one command of {@link #sendAll}: its result, or the exception that refused it. */
    public record Outcome(Object result, RuntimeException failure) {

        static Outcome success(Object result) {
            return new Outcome(result, null);
        }

        static Outcome failure(RuntimeException failure) {
            return new Outcome(null, failure);
        }

        public boolean succeeded() {
            return failure == null;
        }
    }

    static RuntimeException unwrap(RuntimeException e) {
        Throwable current = e;
        while ((current instanceof CommandExecutionException || current instanceof CompletionException
                || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current instanceof RuntimeException runtime ? runtime : e;
    }
}
