package org.convergence.simulator;

/**
 * What is wrong with a bad record the simulator sends on purpose, and the code its door answers with: the
 * dead letter's {@code dlq.code} (or the code its reason begins with) and the chantier's list of rejections.
 */
public enum Flaw {

    /** An enrolment carrying a participant's name: identity data never travels on Kafka, the payload is closed. */
    PATHWAY_MALFORMED("MALFORMED_RECORD"),
    /** An exit dated before the pathway's entry: the rule of the REST API, refused with its code. */
    EXIT_BEFORE_ENTRY("EXIT_BEFORE_ENTRY"),
    /** One chantier's software sends the exit of a pathway of another chantier. */
    OTHER_CHANTIERS_PATHWAY("OUT_OF_SCOPE"),
    /** A week that does not exist (week 54): refused by the timesheet schema. */
    TIMESHEET_MALFORMED("MALFORMED_RECORD"),
    /** More than 60 hours worked and absent in one week. */
    HOURS_ABOVE_MAXIMUM("HOURS_ABOVE_MAXIMUM"),
    /** One chantier's software reports a week of another chantier's pathway. */
    OTHER_CHANTIERS_TIMESHEET("PATHWAY_OF_ANOTHER_CHANTIER");

    private final String code;

    Flaw(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A malformed record cannot be sent through REST as it is: the JSON body would be refused 400 before any rule. */
    public boolean malformed() {
        return code.equals("MALFORMED_RECORD");
    }
}
