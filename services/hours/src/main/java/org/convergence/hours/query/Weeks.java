package org.convergence.hours.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.hours.domain.HoursMessages.WeekHoursCorrectedEvent;
import org.convergence.hours.domain.HoursMessages.WeekHoursRecordedEvent;
import org.convergence.hours.domain.IsoWeek;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.hours.domain.Streams;
import org.convergence.platform.eventstore.Commit;
import org.convergence.platform.eventstore.MongoEventStore;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pathway's weeks, read from their own streams (ADR 0016): the first commit of every week of the range with one
 * {@code $in} on {@code _id}, then each correction depth with one more; no projection, no scan.
 */
@ApplicationScoped
public class Weeks {

    private static final Logger LOG = Logger.getLogger(Weeks.class);

    private final MongoEventStore store;

    public Weeks(MongoEventStore store) {
        this.store = store;
    }

    public List<WeekView> of(PathwayTerms pathway, List<IsoWeek> weeks, ContractView contract) {
        Map<String, Figures> byStream = new LinkedHashMap<>();
        List<String> wanted = new ArrayList<>();
        for (IsoWeek week : weeks) {
            wanted.add(Commit.id(Streams.week(pathway.pathwayId(), week), 0));
        }
        while (!wanted.isEmpty()) {
            Map<String, Commit> found = store.commitsAt(wanted, (id, e) -> LOG.warnf("Unreadable commit %s: %s",
                    id, e.getMessage()));
            List<String> next = new ArrayList<>();
            for (String id : wanted) {
                Commit commit = found.get(id);
                if (commit == null) {
                    continue;
                }
                Figures figures = byStream.computeIfAbsent(commit.aggregateId(), s -> new Figures());
                commit.events().forEach(figures::apply);
                next.add(Commit.id(commit.aggregateId(), commit.nextSequence()));
            }
            wanted = next;
        }
        List<WeekView> views = new ArrayList<>(weeks.size());
        for (IsoWeek week : weeks) {
            Figures figures = byStream.get(Streams.week(pathway.pathwayId(), week));
            int contracted = contractedOn(contract, week.sunday());
            views.add(figures == null ? new WeekView(week.toString(), contracted, false, null, null, 0)
                    : new WeekView(week.toString(), contracted, true, figures.minutesWorked, figures.absences,
                    figures.corrections));
        }
        return views;
    }

    /** The contract in force on {@code day}: the last decision dated on or before it, else the program default. */
    static int contractedOn(ContractView contract, LocalDate day) {
        int hours = -1;
        for (ContractView.Decision decision : contract.decisions()) {
            if (!decision.effectiveOn().isAfter(day)) {
                hours = decision.weeklyHours();
            }
        }
        return hours >= 0 ? hours : contract.defaultHours();
    }

    private static final class Figures {
        Integer minutesWorked;
        org.convergence.hours.domain.AbsenceMinutes absences;
        int corrections = -1;

        void apply(DomainEventMessage<?> event) {
            if (event.getPayload() instanceof WeekHoursRecordedEvent e) {
                minutesWorked = e.minutesWorked();
                absences = e.absences();
                corrections++;
            } else if (event.getPayload() instanceof WeekHoursCorrectedEvent e) {
                minutesWorked = e.minutesWorked();
                absences = e.absences();
                corrections++;
            }
        }
    }
}
