package org.convergence.enrolment.importing;

/** Reads one line of an import file into a pathway line, or refuses it with {@link InvalidLineException}. */
interface LineFormat {

    ImportLine parse(String text);
}
