package org.gesturelab.workflow.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON form of gesture events, one object per event, shared by the WebSocket server and {@code --jsonl} so that
 * a page and a script read the same messages:
 * <pre>
 * {"type":"gesture","gesture":"wave","confidence":0.93,"start_frame":120}
 * {"type":"end","gesture":"wave","start_frame":120,"end_frame":151,"peak_confidence":0.97}
 * {"type":"probabilities","classes":["wave","stop"],"probabilities":[0.93,0.07]}
 * </pre>
 */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    /**
     * Returns the message of a gesture's start.
     *
     * @param event the event
     * @return one line of JSON
     */
    public static String started(GestureEvent event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "gesture");
        message.put("gesture", event.gesture());
        message.put("confidence", event.peakConfidence());
        message.put("start_frame", event.startFrame());
        return write(message);
    }

    /**
     * Returns the message of a gesture's end.
     *
     * @param event the event
     * @return one line of JSON
     */
    public static String ended(GestureEvent event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "end");
        message.put("gesture", event.gesture());
        message.put("start_frame", event.startFrame());
        message.put("end_frame", event.endFrame());
        message.put("peak_confidence", event.peakConfidence());
        return write(message);
    }

    /**
     * Returns the message of one window's probabilities.
     *
     * @param classes the class names
     * @param probabilities one per class
     * @return one line of JSON
     */
    public static String probabilities(List<String> classes, float[] probabilities) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "probabilities");
        message.put("classes", classes);
        message.put("probabilities", probabilities);
        return write(message);
    }

    private static String write(Map<String, Object> message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
    }
}
