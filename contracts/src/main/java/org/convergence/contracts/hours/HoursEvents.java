package org.convergence.contracts.hours;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.Topics;

import static org.convergence.contracts.IntegrationEventType.Scope.CHANTIER;

/**
 * The integration events published by the hours service on {@link Topics#HOURS}: contracted weekly hours decided,
 * and the hours worked in an ISO week (recorded, then corrected). Keyed by pathway, so each pathway's facts keep
 * their order.
 */
@EventCatalog(topic = Topics.HOURS)
public final class HoursEvents {

    public static final IntegrationEventType<ContractedHoursDecidedV1> CONTRACTED_HOURS_DECIDED =
            new IntegrationEventType<>("hours.contracted-decided", 1, ContractedHoursDecidedV1.class,
                    "pathwayId", CHANTIER);
    public static final IntegrationEventType<WeekHoursRecordedV1> WEEK_HOURS_RECORDED =
            new IntegrationEventType<>("hours.week-recorded", 1, WeekHoursRecordedV1.class,
                    "pathwayId", CHANTIER);
    public static final IntegrationEventType<WeekHoursCorrectedV1> WEEK_HOURS_CORRECTED =
            new IntegrationEventType<>("hours.week-corrected", 1, WeekHoursCorrectedV1.class,
                    "pathwayId", CHANTIER);

    private HoursEvents() {
    }
}
