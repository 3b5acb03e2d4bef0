package org.convergence.hours.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.hours.domain.StoreScheduleMessages.Accepted;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleRequest;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleStoreHoursCommand;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;

/**
 * The store side of a pathway's weekly schedule, asked for by the employer transitions service (ADR 0020): one
 * command on the pathway's contract stream, sent again on the fresh state when a concurrent change of the chantier
 * hours won the race, so the limit is always checked against what is stored.
 */
@ApplicationScoped
public class StoreSchedules {

    private final Commands commands;
    private final KnownPathways pathways;
    private final RecordedBy recordedBy;

    public StoreSchedules(Commands commands, KnownPathways pathways, RecordedBy recordedBy) {
        this.commands = commands;
        this.pathways = pathways;
        this.recordedBy = recordedBy;
    }

    public Accepted schedule(String pathwayId, String key, ScheduleRequest request) {
        PathwayTerms pathway = pathways.terms(pathwayId).orElseThrow(() -> KnownPathways.unknown(pathwayId));
        String decidedBy = String.valueOf(recordedBy.current().get(RecordedBy.KEY));
        Commands.Outcome outcome = Retries.onConflict(() -> commands.send(
                new ScheduleStoreHoursCommand(pathway, key, request, decidedBy)));
        if (!outcome.succeeded()) {
            throw outcome.failure();
        }
        return (Accepted) outcome.result();
    }
}
