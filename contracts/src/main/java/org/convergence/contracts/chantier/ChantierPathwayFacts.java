package org.convergence.contracts.chantier;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.Topics;

import static org.convergence.contracts.IntegrationEventType.Scope.CHANTIER;

/**
 * Pathway facts as a chantier's own software recorded them, sent to Convergence France on the inbound topic
 * {@link Topics#chantierPathwaysOf each chantier's own topic} (ADR 0018). Each record is keyed by the pathway it is about, so one pathway's
 * facts keep their order; its envelope names the sending chantier ({@code chantierId}, with its {@code territoryId})
 * and carries an id the sender chose ({@code eventId}, the same on every re-send). The enrolment service turns each
 * into the command its REST API sends for the same fact.
 */
@EventCatalog(topic = Topics.CHANTIER_PATHWAYS_ADDRESS)
public final class ChantierPathwayFacts {

    public static final IntegrationEventType<PathwayEnrolledByChantierV1> ENROLLED =
            new IntegrationEventType<>("chantier-pathway.enrolled", 1, PathwayEnrolledByChantierV1.class,
                    "pathwayId", CHANTIER);
    public static final IntegrationEventType<PathwayExitedAtChantierV1> EXITED =
            new IntegrationEventType<>("chantier-pathway.exited", 1, PathwayExitedAtChantierV1.class,
                    "pathwayId", CHANTIER);
    public static final IntegrationEventType<EntryCorrectedByChantierV1> ENTRY_CORRECTED =
            new IntegrationEventType<>("chantier-pathway.entry-corrected", 1, EntryCorrectedByChantierV1.class,
                    "pathwayId", CHANTIER);
    public static final IntegrationEventType<ExitCorrectedByChantierV1> EXIT_CORRECTED =
            new IntegrationEventType<>("chantier-pathway.exit-corrected", 1, ExitCorrectedByChantierV1.class,
                    "pathwayId", CHANTIER);
    public static final IntegrationEventType<PathwayPromotedByChantierV1> PROMOTED =
            new IntegrationEventType<>("chantier-pathway.promoted", 1, PathwayPromotedByChantierV1.class,
                    "pathwayId", CHANTIER);
    public static final IntegrationEventType<CheckedInByChantierV1> CHECKED_IN =
            new IntegrationEventType<>("chantier-pathway.checked-in", 1, CheckedInByChantierV1.class,
                    "pathwayId", CHANTIER);

    private ChantierPathwayFacts() {
    }
}
