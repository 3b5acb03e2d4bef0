package org.convergence.accompaniment.domain;

/** What a partner of the directory is: dedicated CPAM contact, social landlord, psychologist, health centre… */
public enum PartnerKind {
    CPAM_CONTACT, SOCIAL_LANDLORD, PSYCHOLOGIST, HEALTH_CENTRE, EMPLOYER_HR, OTHER
}
