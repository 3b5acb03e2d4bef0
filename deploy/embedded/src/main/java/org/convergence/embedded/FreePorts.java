package org.convergence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers a test or benchmark starts, free when handed out and kept out of the kernel's ephemeral
 * range. A port from {@code new ServerSocket(0)} comes from that range, which every outgoing connection draws
 * from too: between the moment a stack picks a service's port and the moment the service binds it (tens of seconds
 * while the services before it start, or a restart after a kill), a Kafka or MongoDB client can take it as its local
 * port and the service dies with "address already in use" (it happened on CI). Below the range only listeners bind.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 20_000;
    private static final int LINUX_DEFAULT_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 200;
    /** Never the same port twice from one JVM, even once its first holder has closed it. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port nobody listens on now, below the ephemeral range, not handed out before by this JVM. */
    public static int next() {
        return next(LOWEST, ephemeralStart() - 1);
    }

    /** A port in [lowest, highest] nobody listens on now and not handed out before; the kernel's if none is. */
    static synchronized int next(int lowest, int highest) {
        if (highest < lowest) {
            return fromKernel();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = random.nextInt(lowest, highest + 1);
            if (!HANDED_OUT.contains(candidate) && bindable(candidate)) {
                HANDED_OUT.add(candidate);
                return candidate;
            }
        }
        return fromKernel();
    }

    static int ephemeralStart() {
        try {
            // readAllLines, not readString: on procfs the JDK's readString sees a size and returns one byte.
            List<String> bounds = List.of(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+"));
            return Integer.parseInt(bounds.get(0));
        } catch (IOException | RuntimeException notLinux) {
            return LINUX_DEFAULT_EPHEMERAL_START;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int fromKernel() {
        try (ServerSocket socket = new ServerSocket(0)) {
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
