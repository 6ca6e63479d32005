package io.smartsync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The wire between Caspio's clients and the emulator: a TCP relay on loopback that counts every byte it
 * passes each way, so a count holds what Caspio's "data transfer" would: request lines with their URIs,
 * headers and bodies both ways, chunk framing included. The service, the preload's service and the
 * traditional app all reach the emulator through it, so both approaches are counted by the same counter.
 * It relays bytes unchanged and keeps each connection's lifetime (a close on one side closes the other).
 * Thread-safe.
 */
final class WireCounter implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final LongAdder up = new LongAdder();
    private final LongAdder down = new LongAdder();

    /** Bytes sent to Caspio (requests) and received from it (answers), as counted so far. */
    record Bytes(long up, long down) {
        static final Bytes NONE = new Bytes(0, 0);
    }

    private WireCounter(InetSocketAddress target, ServerSocket server) {
        this.target = target;
        this.server = server;
    }

    /** A relay to {@code target} (its host and port) on a free loopback port. */
    static WireCounter start(URI target) {
        try {
            ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            WireCounter wire = new WireCounter(new InetSocketAddress(target.getHost(), target.getPort()), server);
            wire.threads.execute(wire::accept);
            return wire;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the counted wire: " + e.getMessage(), e);
        }
    }

    /** The base URI clients use in place of the target's. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    Bytes bytes() {
        return new Bytes(up.sum(), down.sum());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("bench: the counted wire stopped accepting: " + e.getMessage());
                }
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket caspio = new Socket(target.getAddress(), target.getPort())) {
            client.setTcpNoDelay(true);
            caspio.setTcpNoDelay(true);
            open.add(client);
            open.add(caspio);
            threads.execute(() -> copy(caspio, client, down));
            copy(client, caspio, up);
        } catch (IOException e) {
            // the emulator refused or went away: the client sees its connection closed, as it would
        } finally {
            open.remove(client);
        }
    }

    /** Copies until either side ends, counting; then closes both, as a cut connection does. */
    private void copy(Socket from, Socket to, LongAdder count) {
        byte[] buffer = new byte[BUFFER];
        try (from;
                to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                count.add(n);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or cut the connection; both are closed by leaving
        } finally {
            open.remove(from);
            open.remove(to);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a socket whose peer went away
            }
        }
        threads.close();
    }
}
