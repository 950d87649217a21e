package org.trustwatch.connect.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives syslog over TCP (newline or RFC 6587 octet-counted framing) and UDP. Messages wait in a bounded queue
 * for the task's poll; a full queue slows TCP senders down and drops UDP datagrams (counted), as UDP syslog does.
 */
final class SyslogListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyslogListener.class);

    /** A message and who sent it (each sender gets its own parser). */
    record Message(String peer, String text) {}

    private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>(100_000);
    private final List<AutoCloseable> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final int maxMessageBytes;
    private volatile boolean running = true;

    SyslogListener(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** @return the port bound (useful when asked for port 0 in tests) */
    int listenTcp(String bindAddress, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        // a restarted task must get its port back at once, not after closed connections leave TIME_WAIT
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
        sockets.add(server);
        listeners.add(thread("syslog-tcp-accept", () -> accept(server)));
        log.info("listening for syslog on tcp {}:{}", bindAddress, server.getLocalPort());
        return server.getLocalPort();
    }

    int listenUdp(String bindAddress, int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
        sockets.add(socket);
        listeners.add(thread("syslog-udp", () -> receive(socket)));
        log.info("listening for syslog on udp {}:{}", bindAddress, socket.getLocalPort());
        return socket.getLocalPort();
    }

    /** Moves up to {@code max} waiting messages into {@code into}. */
    int drain(List<Message> into, int max) {
        return queue.drainTo(into, max);
    }

    long dropped() {
        return dropped.get();
    }

    private void accept(ServerSocket server) {
        while (running) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                String peer = "syslog:tcp:" + client.getInetAddress().getHostAddress();
                thread("syslog-tcp-" + peer, () -> read(client, peer));
            } catch (IOException e) {
                if (running) {
                    log.warn("syslog tcp accept failed: {}", e.toString());
                }
            }
        }
    }

    private void read(Socket client, String peer) {
        try (client;
                InputStream in = new BufferedInputStream(client.getInputStream())) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            int b;
            while (running && (b = in.read()) >= 0) {
                if (frame.size() == 0 && b >= '1' && b <= '9') {
                    Integer counted = octetCount(in, b);
                    if (counted != null) {
                        byte[] kept = in.readNBytes(Math.min(counted, maxMessageBytes));
                        offer(peer, new String(kept, StandardCharsets.UTF_8), true);
                        in.skipNBytes(counted - kept.length); // the rest of a message over the limit
                        continue;
                    }
                }
                if (b == '\n') {
                    offer(peer, withoutCarriageReturn(frame), true);
                    frame.reset();
                } else if (frame.size() < maxMessageBytes) {
                    frame.write(b);
                }
            }
            if (frame.size() > 0) {
                offer(peer, withoutCarriageReturn(frame), true);
            }
        } catch (IOException e) {
            if (running) {
                log.debug("syslog connection from {} ended: {}", peer, e.toString());
            }
        } finally {
            sockets.remove(client);
        }
    }

    /** A newline-framed message, without the {@code \r} of a CRLF sender (as files are read). */
    private static String withoutCarriageReturn(ByteArrayOutputStream frame) {
        byte[] bytes = frame.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * RFC 6587 octet counting: "LEN SP MSG". Returns LEN (the caller keeps at most the limit of it), or null if the
     * digits are the start of a plain line.
     */
    private Integer octetCount(InputStream in, int first) throws IOException {
        in.mark(8);
        int length = first - '0';
        for (int i = 0; i < 7; i++) {
            int b = in.read();
            if (b == ' ') {
                return length;
            }
            if (b < '0' || b > '9') {
                break;
            }
            length = length * 10 + (b - '0');
        }
        in.reset();
        return null;
    }

    private void receive(DatagramSocket socket) {
        byte[] buffer = new byte[65_535];
        while (running) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                int length = Math.min(packet.getLength(), maxMessageBytes);
                String text = new String(packet.getData(), 0, length, StandardCharsets.UTF_8);
                offer("syslog:udp:" + packet.getAddress().getHostAddress(), text.strip(), false);
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                log.warn("syslog udp receive failed: {}", e.toString());
            }
        }
    }

    private void offer(String peer, String text, boolean block) {
        Message message = new Message(peer, text);
        try {
            if (block) {
                while (running && !queue.offer(message, 1, TimeUnit.SECONDS)) {
                    // the task is behind: hold the sender back rather than lose its messages
                }
            } else if (!queue.offer(message)) {
                dropped.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        running = false;
        for (AutoCloseable socket : sockets) {
            try {
                socket.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        // a socket closed while a thread is blocked on it is released only when that thread leaves: wait for them,
        // so that the ports are free when close returns (a restarted task binds them again)
        for (Thread listener : listeners) {
            try {
                listener.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
