package org.convergence.enrolment.identity;

import java.time.LocalDate;

/** Who a participant is. Lives only in the enrolment service, sealed; never in logs, figures or Kafka. */
public record Identity(String firstName, String lastName, LocalDate birthDate) {
}
