package org.convergence.hours.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.hours.domain.DecisionReason;
import org.convergence.hours.domain.HoursMessages.DecideContractedHoursCommand;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.hours.query.ContractView;
import org.convergence.hours.query.Contracts;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;

import java.time.LocalDate;

/**
 * Deciding a pathway's contracted weekly hours: the pathway is found in enrolment's facts within the actor's reach,
 * then one command; the contract aggregate checks the rules.
 */
@ApplicationScoped
public class ContractedHours {

    private final Commands commands;
    private final KnownPathways pathways;
    private final RecordedBy recordedBy;
    private final Contracts contracts;

    public ContractedHours(Commands commands, KnownPathways pathways, RecordedBy recordedBy, Contracts contracts) {
        this.commands = commands;
        this.pathways = pathways;
        this.recordedBy = recordedBy;
        this.contracts = contracts;
    }

    /** Records the decision (a decision sent again changes nothing) and answers the pathway's contract after it. */
    public ContractView decide(String pathwayId, LocalDate effectiveOn, int weeklyHours, DecisionReason reason,
                               Reach reach) {
        PathwayTerms pathway = visible(pathwayId, reach);
        String decidedBy = String.valueOf(recordedBy.current().get(RecordedBy.KEY));
        DecideContractedHoursCommand command = new DecideContractedHoursCommand(pathway, effectiveOn, weeklyHours,
                reason, decidedBy);
        Commands.Outcome outcome = Retries.onConflict(() -> commands.send(command));
        if (!outcome.succeeded()) {
            throw outcome.failure();
        }
        return contracts.of(pathway);
    }

    public ContractView contract(String pathwayId, Reach reach) {
        return contracts.of(visible(pathwayId, reach));
    }

    private PathwayTerms visible(String pathwayId, Reach reach) {
        PathwayTerms pathway = pathways.terms(pathwayId).orElseThrow(() -> reach.unknownPathway(pathwayId));
        reach.requireChantier(pathway.territoryId(), pathway.chantierId());
        return pathway;
    }
}
