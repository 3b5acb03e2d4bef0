package org.convergence.platform.inbound;

import java.time.LocalDate;
import java.util.List;

/**
 * A chantier's recent rejections, newest first.
 *
 * @param since     the first day covered
 * @param notListed rejections of the period beyond what a day lists (a flood of bad records): counted, not kept
 */
public record RecentRejections(String chantierId, LocalDate since, List<InboundRejection> rejections,
                               long notListed) {
}
