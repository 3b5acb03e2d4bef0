package org.convergence.reporting.projection;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes figure counters directly, as the projection would have left them, for benchmarks that build a large read
 * model without replaying every fact: one document per scope, each dotted path a nested field.
 */
public final class CounterDocuments {

    private CounterDocuments() {
    }

    public static void write(ReportingModel model, Map<String, Map<String, Long>> countersByScope) {
        List<Document> documents = new ArrayList<>();
        countersByScope.forEach((scope, paths) -> {
            Document document = new Document("_id", scope);
            paths.forEach((path, value) -> put(document, path.split("\\."), value));
            documents.add(document);
        });
        model.figureCounters().insertMany(documents);
    }

    private static void put(Document root, String[] path, long value) {
        Document at = root;
        for (int i = 0; i < path.length - 1; i++) {
            Document next = at.get(path[i], Document.class);
            if (next == null) {
                next = new Document();
                at.put(path[i], next);
            }
            at = next;
        }
        at.put(path[path.length - 1], value);
    }
}
