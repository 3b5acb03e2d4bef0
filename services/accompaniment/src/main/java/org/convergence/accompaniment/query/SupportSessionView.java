package org.convergence.accompaniment.query;

import org.convergence.accompaniment.domain.SupportSessionKind;

import java.time.LocalDate;

/** A collective support session: kind, date, how many took part (no names), who recorded it. */
public record SupportSessionView(String sessionId, String chantierId, SupportSessionKind kind, LocalDate heldOn,
                                 int participants, String recordedBy) {
}
