package org.convergence.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ADR 0021: a chantier's own inbound topics, which literal ACLs give to its principal alone. */
class ChantierTopicsTest {

    /** The shared inbound topics of ADR 0018, no longer read (ADR 0026). */
    private static final String RETIRED_PATHWAYS = "convergence.chantier-pathways.v1";
    private static final String RETIRED_TIMESHEETS = "convergence.timesheets.v1";

    @Test
    void theDocumentedAddressOfEachKindNamesEveryChantiersOwnTopic() {
        assertEquals(Topics.chantierPathwaysOf("emmaus-defi"),
                Topics.CHANTIER_PATHWAYS_ADDRESS.replace("{chantierId}", "emmaus-defi"));
        assertEquals(Topics.timesheetsOf("emmaus-defi"),
                Topics.CHANTIER_TIMESHEETS_ADDRESS.replace("{chantierId}", "emmaus-defi"));
    }

    @Test
    void aChantiersTopicsNameItAndTheDoorsReadItBack() {
        assertEquals("convergence.chantier.emmaus-defi.pathways.v1", Topics.chantierPathwaysOf("emmaus-defi"));
        assertEquals("convergence.chantier.emmaus-defi.timesheets.v1", Topics.timesheetsOf("emmaus-defi"));
        assertEquals(Optional.of("emmaus-defi"), Topics.chantierOf(Topics.chantierPathwaysOf("emmaus-defi")));
        assertEquals(Optional.of("emmaus-defi"), Topics.chantierOf(Topics.timesheetsOf("emmaus-defi")));
        assertTrue(Topics.CHANTIER_PATHWAYS_PATTERN.matcher(Topics.chantierPathwaysOf("emmaus-defi")).matches());
        assertTrue(Topics.TIMESHEETS_PATTERN.matcher(Topics.timesheetsOf("emmaus-defi")).matches());
        assertFalse(Topics.CHANTIER_PATHWAYS_PATTERN.matcher(Topics.timesheetsOf("emmaus-defi")).matches());
    }

    @Test
    void noChantiersTopicIsAPrefixOfAnothersSoLiteralAclsSeparateThem() {
        List<String> chantiers = List.of("emmaus", "emmaus-defi", "dlq", "v1", "pathways", "e1");
        for (String a : chantiers) {
            for (String b : chantiers) {
                if (!a.equals(b)) {
                    for (String topic : List.of(Topics.chantierPathwaysOf(b), Topics.timesheetsOf(b))) {
                        assertFalse(topic.startsWith("convergence.chantier." + a + "."), a + " reaches " + topic);
                        assertEquals(Optional.of(b), Topics.chantierOf(topic));
                    }
                }
            }
        }
    }

    @Test
    void deadLetterAndSharedTopicsAreNoChantiersOwnTopic() {
        for (String topic : List.of(Topics.deadLetterOf(Topics.chantierPathwaysOf("dlq")),
                Topics.deadLetterOf(Topics.timesheetsOf("emmaus")), RETIRED_PATHWAYS, RETIRED_TIMESHEETS,
                Topics.deadLetterOf(RETIRED_PATHWAYS), "convergence.chantier.a.b.pathways.v1",
                "convergence.chantier.Emmaus.pathways.v1", "xconvergence.chantier.emmaus.pathways.v1")) {
            assertEquals(Optional.empty(), Topics.chantierOf(topic), topic);
            assertFalse(Topics.CHANTIER_PATHWAYS_PATTERN.matcher(topic).matches(), topic);
            assertFalse(Topics.TIMESHEETS_PATTERN.matcher(topic).matches(), topic);
        }
    }

    @Test
    void aTopicIsNamedOnlyForASlug() {
        for (String notASlug : List.of("a.b", "Emmaus", "", "x")) {
            assertThrows(IllegalArgumentException.class, () -> Topics.chantierPathwaysOf(notASlug), notASlug);
        }
    }
}
