package io.orderpayment.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback in front of a real server (RabbitMQ, Redis). {@link #cut()} drops every
 * connection and refuses new ones, as if the server went down; {@link #freeze()} lets nothing
 * through, as if it hung; {@link #restore()} brings it back.
 */
public final class SwitchableTcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean open = true;
    private boolean frozen;

    private SwitchableTcpProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        pumps.execute(this::acceptLoop);
    }

    public static SwitchableTcpProxy to(String host, int port) {
        try {
            return new SwitchableTcpProxy(host, port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The server "goes down": open connections break and new ones are closed at once. */
    public void cut() {
        open = false;
        sockets.forEach(SwitchableTcpProxy::closeQuietly);
        sockets.clear();
    }

    public synchronized void restore() {
        open = true;
        frozen = false;
        notifyAll();
    }

    /** The server hangs: connections stay open, but no byte gets through either way until {@link #restore()}. */
    public synchronized void freeze() {
        frozen = true;
    }

    private synchronized void awaitThawed() throws InterruptedException {
        while (frozen) {
            wait();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!open) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pumps.execute(() -> pump(client, upstream));
                pumps.execute(() -> pump(upstream, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                awaitThawed();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away, or we cut it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        pumps.shutdownNow();
    }
}
