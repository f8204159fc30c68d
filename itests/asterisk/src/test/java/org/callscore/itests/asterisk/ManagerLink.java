package org.callscore.itests.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The network between CallScore and Asterisk's manager port, which a test can cut: while cut, every byte either
 * side sends is lost (open connections stay open, new ones are accepted and hear nothing), as when a firewall
 * drops the packets of a connection it has forgotten. Neither side is told; only the pings can notice.
 */
final class ManagerLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int asteriskPort;
    private volatile boolean cut;

    ManagerLink(int asteriskPort) throws IOException {
        this.asteriskPort = asteriskPort;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "ami-link-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void cut() {
        cut = true;
    }

    void restore() {
        cut = false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket callscore = listener.accept();
                Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), asteriskPort);
                carry(callscore, asterisk);
                carry(asterisk, callscore);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies one direction until either side closes; bytes sent while the link is cut are lost. */
    private void carry(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (from; to) {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (!cut) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException gone) {
                // either side closed: both are closed by the try
            }
        }, "ami-link-carry");
        thread.setDaemon(true);
        thread.start();
    }
}
