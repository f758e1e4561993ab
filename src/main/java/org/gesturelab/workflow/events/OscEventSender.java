package org.gesturelab.workflow.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.transport.OSCPortOut;

/**
 * Sends gesture events as OSC messages over UDP (JavaOSC), in the address space the README documents:
 * <ul>
 *   <li>{@code /gesturelab/gesture s:name f:confidence} when a gesture starts;</li>
 *   <li>{@code /gesturelab/end s:name} when it ends;</li>
 *   <li>{@code /gesturelab/probabilities f f ...} one float per class, in the model card's class order.</li>
 * </ul>
 * A send that fails (nobody listening, network down) is logged once and otherwise ignored: a live recognizer must
 * not stop because a patch was closed.
 */
public final class OscEventSender implements GestureEventSink {

    /** The address of a gesture's start. */
    public static final String GESTURE = "/gesturelab/gesture";
    /** The address of a gesture's end. */
    public static final String END = "/gesturelab/end";
    /** The address of the per-frame probabilities. */
    public static final String PROBABILITIES = "/gesturelab/probabilities";

    private static final Logger LOG = LoggerFactory.getLogger(OscEventSender.class);

    private final OSCPortOut port;
    private final String target;
    private boolean warned;

    /**
     * Opens a UDP sender.
     *
     * @param host the receiver's host name or address
     * @param port the receiver's UDP port
     * @throws GestureLabException if the host is unknown or no socket can be opened
     */
    public OscEventSender(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new GestureLabException("Cannot resolve the OSC host '" + host + "'.");
        }
        try {
            this.port = new OSCPortOut(address);
        } catch (IOException e) {
            throw new GestureLabException("Cannot open a UDP socket for OSC to " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        this.target = host + ":" + port;
    }

    /**
     * Parses {@code HOST:PORT}, as {@code --osc} takes it.
     *
     * @param hostPort for example {@code 127.0.0.1:9000}
     * @return the sender
     * @throws GestureLabException if the text is not HOST:PORT with a port from 1 to 65535
     */
    public static OscEventSender open(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            int number = Integer.parseInt(hostPort.substring(colon + 1));
            if (colon <= 0 || number < 1 || number > 65535) {
                throw new NumberFormatException();
            }
            return new OscEventSender(hostPort.substring(0, colon), number);
        } catch (NumberFormatException e) {
            throw new GestureLabException("'" + hostPort + "' is not HOST:PORT (for example 127.0.0.1:9000).");
        }
    }

    @Override
    public void gestureStarted(GestureEvent event) {
        send(new OSCMessage(GESTURE, List.of(event.gesture(), (float) event.peakConfidence())));
    }

    @Override
    public void gestureEnded(GestureEvent event) {
        send(new OSCMessage(END, List.of(event.gesture())));
    }

    @Override
    public void probabilities(List<String> classes, float[] probabilities) {
        List<Object> values = new ArrayList<>(probabilities.length);
        for (float p : probabilities) {
            values.add(p);
        }
        send(new OSCMessage(PROBABILITIES, values));
    }

    private void send(OSCMessage message) {
        try {
            port.send(message);
        } catch (IOException | OSCSerializeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("Cannot send OSC to {} ({}); further failures are not logged", target, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            port.close();
        } catch (IOException e) {
            LOG.debug("Closing the OSC socket failed", e);
        }
    }
}
