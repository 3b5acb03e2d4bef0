package org.convergence.hours.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.hours.domain.DecisionReason;
import org.convergence.hours.domain.HoursMessages.DecideContractedHoursCommand;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.hours.query.ContractView;
import org.convergence.hours.query.Contracts;
import org.convergence.hours.query.WeekView;
import org.convergence.hours.query.Weeks;
import org.convergence.hours.domain.IsoWeek;
import org.convergence.platform.rest.InvalidFieldsException;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
    private final Weeks weeks;
    private final Clock clock = Clock.system(BusinessDates.ZONE);

    /** Two years of weeks per request at most. */
    public static final int MAX_WEEKS = 106;

    public ContractedHours(Commands commands, KnownPathways pathways, RecordedBy recordedBy, Contracts contracts,
                           Weeks weeks) {
        this.weeks = weeks;
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

    /**
     * The pathway's weeks from {@code from} to {@code to} (its entry week and the current or exit week if absent):
     * contracted hours, minutes worked and absent, in week order. At most {@link #MAX_WEEKS} weeks.
     */
    public List<WeekView> weeks(String pathwayId, IsoWeek from, IsoWeek to, Reach reach) {
        PathwayTerms pathway = visible(pathwayId, reach);
        IsoWeek first = from != null ? from : IsoWeek.of(pathway.entryDate());
        LocalDate today = LocalDate.now(clock);
        IsoWeek last = to != null ? to : IsoWeek.of(pathway.endDate() != null && pathway.endDate().isBefore(today)
                ? pathway.endDate() : today);
        List<IsoWeek> weeks = new ArrayList<>();
        for (IsoWeek week = first; week.compareTo(last) <= 0; week = week.next()) {
            if (weeks.size() == MAX_WEEKS) {
                throw new InvalidFieldsException("to", "is at most " + MAX_WEEKS + " weeks after from");
            }
            weeks.add(week);
        }
        return this.weeks.of(pathway, weeks, contracts.of(pathway));
    }

    private PathwayTerms visible(String pathwayId, Reach reach) {
        PathwayTerms pathway = pathways.terms(pathwayId).orElseThrow(() -> reach.unknownPathway(pathwayId));
        reach.requireChantier(pathway.territoryId(), pathway.chantierId());
        return pathway;
    }
}
