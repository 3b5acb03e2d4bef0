package org.convergence.accompaniment.domain;

import java.time.LocalDate;

/**
 * What the accompaniment of a pathway needs to know of the pathway itself, as the enrolment service published it
 * (this service's enrolment view): whose it is, which program, where, and from when.
 */
public record AccompaniedPathway(String pathwayId, String participantId, String program, String territoryId,
                                 String chantierId, LocalDate entryDate) {
}
