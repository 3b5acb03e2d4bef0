package org.convergence.enrolment.domain;

/** DGEFP exit categories for IAE ("sorties dynamiques"): see DOMAIN.md. */
public enum ExitCategory {
    /** Emploi durable: CDI, CDD or interim of 6 months or more, business creation, civil-service tenure. */
    DURABLE_EMPLOYMENT,
    /** Emploi de transition: CDD or interim under 6 months, subsidised contract outside IAE. */
    TRANSITIONAL_EMPLOYMENT,
    /** Sortie positive: qualifying training, another insertion structure. */
    POSITIVE_EXIT,
    /** Job seeking, inactivity, no news, end of contract without solution. */
    OTHER,
    /** Retrait des sorties constatées (death, long illness, imprisonment, moving away): out of rate denominators. */
    NEUTRALISED
}
