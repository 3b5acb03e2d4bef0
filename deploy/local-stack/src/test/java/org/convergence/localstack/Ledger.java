package org.convergence.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The soak's accounts: facts the load had acknowledged, those the event store holds, those reporting's read model
 * shows, and what differs. A fact is an enrolment or an exit, named by its pathway.
 */
record Ledger(long acknowledged, long stored, long applied, long lost, long duplicated, long phantoms,
              long unacknowledgedStored, long unacknowledgedAbsent, List<String> lostExamples,
              List<String> phantomExamples) {

    static Ledger of(SoakLoad load, StoreAudit store, ReadModelAudit readModel) {
        List<String> lost = new ArrayList<>();
        missing("acknowledged enrolment not stored", load.acknowledgedEnrolments.keySet(), store.enrolments(), lost);
        missing("acknowledged exit not stored", load.acknowledgedExits.keySet(), store.exits(), lost);
        missing("stored enrolment not in the read model", store.enrolments().keySet(), readModel.listed(), lost);
        missing("stored exit not in the read model", store.exits().keySet(), readModel.exits(), lost);
        List<String> phantoms = new ArrayList<>();
        missing("listed pathway not stored", readModel.listed().keySet(), store.enrolments(), phantoms);
        missing("exit shown but not stored", readModel.exits().keySet(), store.exits(), phantoms);
        long unacknowledgedStored =
                load.unacknowledgedEnrolments.stream().filter(store.enrolments()::containsKey).count()
                + load.unacknowledgedExits.stream().filter(store.exits()::containsKey).count();
        long unacknowledged = load.unacknowledgedEnrolments.size() + load.unacknowledgedExits.size();
        return new Ledger(load.acknowledgedEnrolments.size() + load.acknowledgedExits.size(), store.facts(),
                readModel.facts(), lost.size(), store.duplicated() + readModel.duplicated(), phantoms.size(),
                unacknowledgedStored, unacknowledged - unacknowledgedStored, head(lost), head(phantoms));
    }

    private static void missing(String what, Set<String> expected, Map<String, Integer> actual, List<String> out) {
        for (String id : expected) {
            if (!actual.containsKey(id)) {
                out.add(what + " " + id);
            }
        }
    }

    private static List<String> head(List<String> list) {
        return list.subList(0, Math.min(10, list.size()));
    }
}
