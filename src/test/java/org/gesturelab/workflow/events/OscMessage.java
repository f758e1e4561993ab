package org.gesturelab.workflow.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One OSC message as it arrived on a test's UDP socket: address, type tags (without the comma), arguments. Read
 * byte by byte here, not with the sender's library, so that the tests check the wire format itself.
 *
 * @param address the OSC address
 * @param types the type tags, e.g. {@code sf}
 * @param arguments strings and floats, in order
 */
public record OscMessage(String address, String types, List<Object> arguments) {

    /**
     * Receives and parses one message.
     *
     * @param socket the receiving socket (its timeout applies)
     * @return the message
     * @throws Exception if nothing arrives in time or the socket fails
     */
    public static OscMessage receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        ByteBuffer bytes = ByteBuffer.wrap(packet.getData(), 0, packet.getLength());
        String address = string(bytes);
        String tags = string(bytes);
        assertTrue(tags.startsWith(","), tags);
        List<Object> arguments = new ArrayList<>();
        for (char tag : tags.substring(1).toCharArray()) {
            switch (tag) {
                case 's' -> arguments.add(string(bytes));
                case 'f' -> arguments.add(bytes.getFloat());
                default -> throw new AssertionError("unexpected OSC type " + tag);
            }
        }
        assertEquals(0, bytes.remaining(), "no bytes after the arguments");
        return new OscMessage(address, tags.substring(1), arguments);
    }

    /** An OSC string: ASCII, NUL-terminated, padded to a multiple of 4 bytes. */
    private static String string(ByteBuffer bytes) {
        int start = bytes.position();
        int end = start;
        while (bytes.get(end) != 0) {
            end++;
        }
        String value = new String(bytes.array(), bytes.arrayOffset() + start, end - start,
                StandardCharsets.UTF_8);
        bytes.position(start + ((end - start) / 4 + 1) * 4);
        return value;
    }
}
