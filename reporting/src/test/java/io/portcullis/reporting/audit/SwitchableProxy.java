package io.portcullis.reporting.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on a fixed loopback port that a test switches on and off: while off the port is closed (connection
 * refused) and every forwarded connection is cut, as when Elasticsearch goes away. Test threads only.
 */
final class SwitchableProxy implements AutoCloseable {
    private final int port;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    /** A proxy to {@code target} on a free port, switched off. */
    SwitchableProxy(final InetSocketAddress target) throws IOException {
        this.target = target;
        try (ServerSocket probe = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void on() throws IOException {
        final ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
        server = socket;
        final Thread acceptor = new Thread(() -> accept(socket), "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    synchronized void off() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (final Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private void accept(final ServerSocket socket) {
        try {
            while (!socket.isClosed()) {
                final Socket client = socket.accept();
                final Socket upstream = new Socket(target.getAddress(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            }
        } catch (final IOException ex) {
            // closed by off()
        }
    }

    private static void pump(final Socket from, final Socket to) {
        final Thread thread = new Thread(() -> {
            final byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (final IOException ex) {
                // a side closed
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (final IOException ignored) {
                    // already closed
                }
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        off();
    }
}
