package org.callscore.testing.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MariaDB that accepts connections and then says nothing, ever, until closed: what a client sees of a
 * frozen server or of a network that stops forwarding. Counts the connections made to it.
 */
public final class FrozenMariaDb implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    FrozenMariaDb() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "frozen-mariadb");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return how many connections were made to it so far */
    public int connections() {
        return connections.get();
    }

    /** Thaws: every held connection is closed, so whoever waits on one gets an error. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed already
        }
        held.forEach(socket -> {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        });
    }
}
