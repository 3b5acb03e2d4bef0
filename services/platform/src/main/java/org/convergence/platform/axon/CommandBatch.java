package org.convergence.platform.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.convergence.platform.eventstore.ConflictingCommitsException;
import org.convergence.platform.eventstore.ReadAhead;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs many commands so that their events are appended together (ADR 0008), with the outcome each would have had
 * alone.
 *
 * <p>Commands are grouped in order into batches of distinct target aggregates (a command naming an aggregate the
 * batch already holds starts the next batch, so an aggregate's commands keep their order and each sees the
 * previous one stored). The streams of a batch's aggregates are read together when its first command loads
 * ({@link ReadAhead}: one query per commit depth instead of one per commit and aggregate). A batch is one Axon unit
 * of work with a nested unit of work per command: a refused command rolls back its own and its events are discarded;
 * the others' events are appended in one store call when the batch commits. If the store refuses some aggregates'
 * commits (another writer got there first), only those commands are sent again, alone, and get the outcome a lone
 * send gives now (409, or success on the fresh state). Any other store failure is every accepted command's outcome,
 * as it would be for each sent alone.
 */
final class CommandBatch {

    /**
     * A door's whole poll is one batch: one announcement and one insert (ADR 0043). Its poll is
     * {@code command-poll-records} (500, ADR 0054); this bound only guards a door configured larger.
     */
    static final int MAX_COMMANDS = 2_000;

    private static final CommandTargetResolver TARGETS = CachedCommandTargetResolver.INSTANCE;

    private final CommandGateway gateway;
    private final MetaData metaData;

    CommandBatch(CommandGateway gateway, MetaData metaData) {
        this.gateway = gateway;
        this.metaData = metaData;
    }

    List<Commands.Outcome> sendAll(List<?> commands) {
        Commands.Outcome[] outcomes = new Commands.Outcome[commands.size()];
        Map<Integer, String> batch = new LinkedHashMap<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < commands.size(); i++) {
            String target = targetOf(commands.get(i));
            if (target == null || targets.contains(target) || batch.size() == MAX_COMMANDS) {
                runTogether(batch, commands, outcomes);
                batch.clear();
                targets.clear();
            }
            if (target == null) {
                outcomes[i] = sendAlone(commands.get(i)); // nothing tells which aggregate it touches
            } else {
                batch.put(i, target);
                targets.add(target);
            }
        }
        runTogether(batch, commands, outcomes);
        return List.of(outcomes);
    }

    /** The aggregate a command is routed to, as Axon resolves it; null when the command names none. */
    private static String targetOf(Object command) {
        try {
            return TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }

    private void runTogether(Map<Integer, String> batch, List<?> commands, Commands.Outcome[] outcomes) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1) {
            int only = batch.keySet().iterator().next();
            outcomes[only] = sendAlone(commands.get(only));
            return;
        }
        // The batch's aggregates are distinct: their streams are read together, on the first load (ADR 0030).
        ReadAhead.during(batch.values(), () -> {
            runInOneUnitOfWork(batch, commands, outcomes);
            return null;
        });
    }

    private void runInOneUnitOfWork(Map<Integer, String> batch, List<?> commands, Commands.Outcome[] outcomes) {
        Map<Integer, Object> accepted = new LinkedHashMap<>();
        // Its aggregates are found by identifier when each command commits, not by a scan of the batch's (ADR 0043).
        UnitOfWork<?> unitOfWork = BatchUnitOfWork.startBatch(new GenericMessage<>("batch of " + batch.size() + " commands"));
        try {
            for (int i : batch.keySet()) {
                try {
                    // Dispatched in this thread, so Axon runs it in a unit of work nested in the batch's.
                    accepted.put(i, gateway.sendAndWait(commands.get(i), metaData));
                } catch (RuntimeException e) {
                    outcomes[i] = Commands.Outcome.failure(Commands.unwrap(e));
                }
            }
            unitOfWork.commit();
            accepted.forEach((i, result) -> outcomes[i] = Commands.Outcome.success(result));
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            settleAfterFailedAppend(e, accepted, batch, commands, outcomes);
        } finally {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(); // an Error: never leave the batch as this thread's unit of work
            }
        }
    }

    private void settleAfterFailedAppend(RuntimeException failure, Map<Integer, Object> accepted,
                                         Map<Integer, String> batch, List<?> commands, Commands.Outcome[] outcomes) {
        Set<String> conflicting = conflictingAggregates(failure);
        Set<String> acceptedTargets = new HashSet<>();
        accepted.keySet().forEach(i -> acceptedTargets.add(batch.get(i)));
        if (conflicting == null || !acceptedTargets.containsAll(conflicting)) {
            RuntimeException cause = Commands.unwrap(failure);
            accepted.keySet().forEach(i -> outcomes[i] = Commands.Outcome.failure(cause));
            return;
        }
        List<Integer> again = new ArrayList<>();
        accepted.forEach((i, result) -> {
            if (conflicting.contains(batch.get(i))) {
                again.add(i);
            } else {
                outcomes[i] = Commands.Outcome.success(result); // its commit is stored
            }
        });
        again.forEach(i -> outcomes[i] = sendAlone(commands.get(i)));
    }

    private static Set<String> conflictingAggregates(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConflictingCommitsException conflict) {
                return conflict.aggregateIds();
            }
        }
        return null;
    }

    private Commands.Outcome sendAlone(Object command) {
        try {
            return Commands.Outcome.success(gateway.sendAndWait(command, metaData));
        } catch (RuntimeException e) {
            return Commands.Outcome.failure(Commands.unwrap(e));
        }
    }
}
