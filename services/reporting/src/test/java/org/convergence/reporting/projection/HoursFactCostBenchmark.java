package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.testsupport.JvmCpu;
import org.convergence.testsupport.RawWriteRate;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What one weekly hours fact costs reporting's projection as a pathway's history grows to the 260 weeks of a
 * five-year Convergence CDDI: Convergence pathways of one chantier (its 16 roster buckets, as the deployed benchmark
 * has) each get a week's figure, week after week, handed to the projection in polls of ten weeks (10,000 facts at the
 * default size: reporting's poll; {@code -Dbench.poll=N} hands them over N facts at a time, as live traffic does,
 * each poll then reading and writing the documents its facts touch: since ADR 0057 each fact's pathway-year document,
 * at most 53 weeks). After every ten weeks it prints the consumer thread's CPU and allocated bytes per fact
 * (allocation is what its garbage collector pays, and varies far less between runs than time), the whole JVM's CPU
 * per fact (the embedded server runs in it: what storing the projection's writes costs is in it) and the facts per
 * second, beside the embedded server's raw {@code insertMany} rate measured in the same run. Then it checks the
 * year's figure counted every fact once.
 * Run: {@code ./mvnw -B -pl services/reporting -am test -Dbenchmark -Dtest=HoursFactCostBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.pathways=N}, 1,000; {@code -Dbench.weeks=N}, 260).
 */
@Tag("benchmark")
class HoursFactCostBenchmark {

    private static final int PATHWAYS = Integer.getInteger("bench.pathways", 1_000);
    private static final int WEEKS = Integer.getInteger("bench.weeks", 260);
    private static final int WEEKS_PER_LINE = 10;
    /** Facts per poll: by default a line's ten weeks in one poll; fewer is the shape of live traffic. */
    private static final int POLL = Integer.getInteger("bench.poll", PATHWAYS * WEEKS_PER_LINE);
    private static final int MINUTES = 26 * 60;
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2016, 1, 4); // 2016-W01

    @Test
    void costOfAWeeklyFactAsTheHistoryGrows() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-hours-fact-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            double rawInsertMany = RawWriteRate.insertMany(mongo.connectionString());
            ReportingModel model = new ReportingModel(new ReadModel(client.getDatabase("reporting"), "hours"));
            Projection projection = ReportingRuntime.projection(model, History.CODEC);
            History history = new History();
            history.territory("paris");
            history.chantier("paris", "aci", "CONVERGENCE", FIRST_MONDAY.minusYears(1));
            List<History.Pathway> pathways = new ArrayList<>();
            for (int i = 0; i < PATHWAYS; i++) {
                History.Pathway pathway = history.pathway("paris", "aci", History.uuid(), "CONVERGENCE");
                pathway.enrolled(FIRST_MONDAY);
                pathways.add(pathway);
            }
            assertEquals(Map.of(), projection.handleAll(history.consumed()));

            System.out.printf("%nhours fact cost: %,d Convergence pathways of one chantier, a week's figure each, "
                    + "%,d facts per poll; embedded server's raw insertMany in the same run: %,.0f documents/s%n",
                    PATHWAYS, POLL, rawInsertMany);
            System.out.printf("%8s %12s %14s %16s %10s %10s%n", "weeks", "CPU-us/fact", "KB alloc/fact",
                    "JVM CPU-us/fact", "facts/s", "/ raw");
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (int week = 0; week < WEEKS; week += WEEKS_PER_LINE) {
                List<ConsumedEvent> facts = new ArrayList<>();
                for (int w = week; w < Math.min(WEEKS, week + WEEKS_PER_LINE); w++) {
                    String isoWeek = isoWeek(FIRST_MONDAY.plusWeeks(w));
                    pathways.forEach(p -> facts.add(History.consumed(p.worked(isoWeek, MINUTES))));
                }
                long cpu = threads.getCurrentThreadCpuTime();
                long processCpu = JvmCpu.processNanos();
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                for (int from = 0; from < facts.size(); from += POLL) {
                    assertEquals(Map.of(), projection.handleAll(facts.subList(from, Math.min(facts.size(), from + POLL))));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double perFactCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / facts.size();
                double perFactKb = (threads.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / facts.size();
                double perFactProcessCpu = (JvmCpu.processNanos() - processCpu) / 1e3 / facts.size();
                double factsPerSecond = facts.size() / seconds;
                System.out.printf("%8d %12.1f %14.1f %16.1f %,10.0f %10.2f%n", week + facts.size() / PATHWAYS,
                        perFactCpu, perFactKb, perFactProcessCpu, factsPerSecond, factsPerSecond / rawInsertMany);
            }

            long yearBytes = 0;
            long largestYear = 0;
            int years = 0;
            for (RawBsonDocument year : model.hoursWeeks().withDocumentClass(RawBsonDocument.class).find()) {
                yearBytes += year.getByteBuffer().remaining();
                largestYear = Math.max(largestYear, year.getByteBuffer().remaining());
                years++;
            }
            System.out.printf("hours weeks: %d pathway-year documents, %,.0f bytes each on average, %,d at most "
                    + "(BSON)%n", years, (double) yearBytes / Math.max(1, years), largestYear);

            // Every fact counted once: each ISO week of 2017 (52) worked 26 hours by every pathway.
            long weeksOf2017 = Math.max(0, Math.min(52, WEEKS - 52));
            assertEquals(PATHWAYS * weeksOf2017 * 26, new FiguresService(model).territory("paris", Year.of(2017))
                    .orElseThrow().hours().workedConvergence());
        }
    }

    private static String isoWeek(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
