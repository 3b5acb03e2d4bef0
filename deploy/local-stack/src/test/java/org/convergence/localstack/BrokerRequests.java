package org.convergence.localstack;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The requests the stack's Kafka broker served, per request type and per topic, read from the broker's own JMX
 * meters ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec} and {@code kafka.server:type=
 * BrokerTopicMetrics}) through the JDK's attach API: the broker runs in a child JVM of the same user, and the
 * benchmark starts that JVM's local management agent, so no port and no launcher option are needed (ADR 0047).
 * Counts only: the difference of two snapshots over a timed window says how many fetches, produces and offset
 * commits each fact cost the broker. Best effort: a broker that cannot be attached gives an empty snapshot.
 */
final class BrokerRequests {

    private static final String REQUESTS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";
    private static final String TOPIC_FETCHES = "kafka.server:type=BrokerTopicMetrics,name=TotalFetchRequestsPerSec,*";
    private static final String TOPIC_PRODUCES =
            "kafka.server:type=BrokerTopicMetrics,name=TotalProduceRequestsPerSec,*";
    private static final String TOPIC_MESSAGES = "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,*";

    private BrokerRequests() {
    }

    /** Request counts so far, keyed "request Fetch", "fetches of topic t", ...; empty if the broker is unreachable. */
    static Map<String, Long> snapshot(long brokerPid) {
        for (long pid : Stream.concat(Stream.of(brokerPid), ProcessHandle.of(brokerPid).stream()
                .flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)).toList()) {
            try {
                return read(pid);
            } catch (Exception notAJvm) {
                // a runner script rather than the broker's JVM: try its children
            }
        }
        return Map.of();
    }

    private static Map<String, Long> read(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            Map<String, Long> counts = new TreeMap<>();
            for (ObjectName name : server.queryNames(new ObjectName(REQUESTS), null)) {
                counts.merge("request " + name.getKeyProperty("request"), count(server, name), Long::sum);
            }
            topicCounts(server, TOPIC_FETCHES, "fetches of ", counts);
            topicCounts(server, TOPIC_PRODUCES, "produces to ", counts);
            topicCounts(server, TOPIC_MESSAGES, "records into ", counts);
            return counts;
        }
    }

    private static void topicCounts(MBeanServerConnection server, String pattern, String label,
                                    Map<String, Long> counts) throws Exception {
        for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
            String topic = name.getKeyProperty("topic");
            if (topic != null) {
                counts.merge(label + topic, count(server, name), Long::sum);
            }
        }
    }

    private static long count(MBeanServerConnection server, ObjectName name) throws Exception {
        return ((Number) server.getAttribute(name, "Count")).longValue();
    }

    /** What was served between two snapshots, per fact: the lines with any request, largest first. */
    static String table(Map<String, Long> before, Map<String, Long> after, int facts) {
        if (after.isEmpty()) {
            return "broker requests: the broker's JVM could not be attached\n";
        }
        List<Map.Entry<String, Long>> served = new ArrayList<>();
        after.forEach((key, count) -> {
            long delta = count - before.getOrDefault(key, 0L);
            if (delta > 0) {
                served.add(Map.entry(key, delta));
            }
        });
        served.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder table = new StringBuilder(String.format("%-62s %10s %10s%n", "served by the broker", "count",
                "per fact"));
        for (Map.Entry<String, Long> line : served) {
            table.append(String.format("%-62s %,10d %10.3f%n", line.getKey(), line.getValue(),
                    line.getValue() / (double) facts));
        }
        return table.toString();
    }
}
