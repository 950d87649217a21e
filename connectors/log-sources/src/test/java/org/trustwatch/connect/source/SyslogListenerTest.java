package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trustwatch.connect.source.SyslogListener.Message;

class SyslogListenerTest {

    private static final String LOCALHOST = "127.0.0.1";
    private static final String TCP_PEER = "syslog:tcp:127.0.0.1";
    private static final String UDP_PEER = "syslog:udp:127.0.0.1";

    private SyslogListener listener;

    @AfterEach
    void close() {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void receivesNewlineFramedTcpMessagesKeyedByPeer() throws Exception {
        listener = new SyslogListener(1024);
        int port = listener.listenTcp(LOCALHOST, 0);

        sendTcp(port, "<13>Nov 23 07:55:39 host app: one\n<13>Nov 23 07:55:40 host app: two\n");

        assertEquals(
                List.of(
                        new Message(TCP_PEER, "<13>Nov 23 07:55:39 host app: one"),
                        new Message(TCP_PEER, "<13>Nov 23 07:55:40 host app: two")),
                await(2));
    }

    @Test
    void dropsTheCarriageReturnOfCrlfFramedMessages() throws Exception {
        listener = new SyslogListener(1024);
        int port = listener.listenTcp(LOCALHOST, 0);

        sendTcp(port, "<22>mail01 postfix/qmgr[1122]: 4F2D1E3085A: removed\r\n");

        assertEquals(List.of(new Message(TCP_PEER, "<22>mail01 postfix/qmgr[1122]: 4F2D1E3085A: removed")), await(1));
    }

    @Test
    void deliversAnUnterminatedLastMessageWhenTheSenderCloses() throws Exception {
        listener = new SyslogListener(1024);
        int port = listener.listenTcp(LOCALHOST, 0);

        sendTcp(port, "<13>first\n<13>last");

        assertEquals(List.of(new Message(TCP_PEER, "<13>first"), new Message(TCP_PEER, "<13>last")), await(2));
    }

    @Test
    void receivesOctetCountedTcpMessages() throws Exception {
        listener = new SyslogListener(1024);
        int port = listener.listenTcp(LOCALHOST, 0);
        String withNewline = "<13>1 2026-11-23T07:55:39Z host app - - - two\nlines";

        sendTcp(port, octetCounted("<13>1 2026-11-23T07:55:39Z host app - - - one") + octetCounted(withNewline));

        assertEquals(
                List.of(
                        new Message(TCP_PEER, "<13>1 2026-11-23T07:55:39Z host app - - - one"),
                        new Message(TCP_PEER, withNewline)),
                await(2));
    }

    @Test
    void receivesUdpDatagrams() throws Exception {
        listener = new SyslogListener(1024);
        int port = listener.listenUdp(LOCALHOST, 0);

        sendUdp(port, "<134>Nov 23 07:55:39 proxy01 squid[7]: first\n");
        List<Message> first = await(1);
        sendUdp(port, "<134>Nov 23 07:55:40 proxy01 squid[7]: second");

        List<Message> all = new ArrayList<>(first);
        all.addAll(await(1));
        assertEquals(
                List.of(
                        new Message(UDP_PEER, "<134>Nov 23 07:55:39 proxy01 squid[7]: first"),
                        new Message(UDP_PEER, "<134>Nov 23 07:55:40 proxy01 squid[7]: second")),
                all);
    }

    @Test
    void truncatesNewlineFramedMessagesOverTheLimit() throws Exception {
        listener = new SyslogListener(16);
        int port = listener.listenTcp(LOCALHOST, 0);

        sendTcp(port, "<13>0123456789abcdefghij\n<13>short\n");

        assertEquals(List.of(new Message(TCP_PEER, "<13>0123456789ab"), new Message(TCP_PEER, "<13>short")), await(2));
    }

    @Test
    void truncatesOctetCountedMessagesOverTheLimitAndKeepsTheFollowingOnes() throws Exception {
        listener = new SyslogListener(16);
        int port = listener.listenTcp(LOCALHOST, 0);

        sendTcp(port, octetCounted("<13>0123456789abcdefghij") + octetCounted("<13>short"));

        assertEquals(List.of(new Message(TCP_PEER, "<13>0123456789ab"), new Message(TCP_PEER, "<13>short")), await(2));
    }

    @Test
    void truncatesUdpMessagesOverTheLimit() throws Exception {
        listener = new SyslogListener(16);
        int port = listener.listenUdp(LOCALHOST, 0);

        sendUdp(port, "<13>0123456789abcdefghij");

        assertEquals(List.of(new Message(UDP_PEER, "<13>0123456789ab")), await(1));
    }

    @Test
    void drainsNoMoreThanAskedForAndKeepsTheRest() throws Exception {
        listener = new SyslogListener(1024);
        int port = listener.listenTcp(LOCALHOST, 0);
        sendTcp(port, "a\nb\nc\n");
        List<Message> all = await(3);
        assertEquals(3, all.size());

        sendTcp(port, "d\ne\nf\n");
        List<Message> some = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (some.isEmpty() && System.nanoTime() < deadline) {
            listener.drain(some, 1);
            Thread.sleep(10);
        }
        assertEquals(List.of(new Message(TCP_PEER, "d")), some);
        assertEquals(List.of("e", "f"), await(2).stream().map(Message::text).toList());
    }

    @Test
    void stopsListeningWhenClosed() throws Exception {
        listener = new SyslogListener(1024);
        int port = listener.listenTcp(LOCALHOST, 0);
        sendTcp(port, "<13>before\n");
        assertEquals(List.of(new Message(TCP_PEER, "<13>before")), await(1));

        listener.close();

        // the port is free again: a new listener can bind it (a connect attempt is no proof: Linux may connect a
        // local socket to itself when nothing listens)
        try (SyslogListener again = new SyslogListener(1024)) {
            assertEquals(port, again.listenTcp(LOCALHOST, port));
        }
    }

    /** Drains until {@code count} messages arrived, for at most 5 s (the test fails on a shortfall, not a delay). */
    private List<Message> await(int count) throws InterruptedException {
        List<Message> messages = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (messages.size() < count && System.nanoTime() < deadline) {
            listener.drain(messages, count - messages.size());
            if (messages.size() < count) {
                Thread.sleep(10);
            }
        }
        return messages;
    }

    private static String octetCounted(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }

    private static void sendTcp(int port, String text) throws IOException {
        try (Socket socket = new Socket(LOCALHOST, port);
                OutputStream out = socket.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static void sendUdp(int port, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(LOCALHOST), port));
        }
    }
}
