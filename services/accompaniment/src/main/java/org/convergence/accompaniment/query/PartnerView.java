package org.convergence.accompaniment.query;

import org.convergence.accompaniment.domain.PartnerKind;

/** A partner of a territory's directory. */
public record PartnerView(String partnerId, String territoryId, String name, PartnerKind kind) {
}
