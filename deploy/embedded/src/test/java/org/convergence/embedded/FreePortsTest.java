package org.convergence.embedded;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void portsAreBelowTheEphemeralRangeSoNoOutgoingConnectionCanTakeThemBeforeTheServerBinds() {
        int ephemeralStart = FreePorts.ephemeralStart();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertTrue(port < ephemeralStart, port + " is in the ephemeral range, which starts at " + ephemeralStart);
        }
    }

    @Test
    void oneJvmNeverHandsOutTheSamePortTwiceEvenAfterItsHolderClosedIt() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            assertTrue(seen.add(FreePorts.next()), "a port was handed out twice");
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotHandedOut() throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = holder.getLocalPort();
            for (int i = 0; i < 20; i++) {
                assertNotEquals(taken, FreePorts.next(taken, taken));
            }
        }
    }
}
