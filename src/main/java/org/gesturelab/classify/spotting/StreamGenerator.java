package org.gesturelab.classify.spotting;

import org.gesturelab.dataset.KeypointStream;
import org.gesturelab.dataset.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;

/**
 * Builds streams from labeled clips: gesture clips interleaved with Nothing clips, every gesture's segment written
 * exactly. In main code (as Tribuo keeps its data generators) so that tests, benchmarks and demos share it.
 *
 * <p>The gesture clips are shuffled and dealt to the streams in turn; each stream then gets Nothing clips, drawn at
 * random (again once all were used), in the gaps before, between and after its gestures, until Nothing makes up
 * the idle fraction of its frames. With an idle fraction of 1 the streams hold the Nothing clips alone, each once.
 */
public final class StreamGenerator {

    private StreamGenerator() {
    }

    /**
     * Generates streams.
     *
     * @param clips the clips with their labels and class names
     * @param nothingClasses the classes that mean "no gesture"; their clips fill the gaps and get no segment
     * @param idleFraction the share of frames that are Nothing, in [0, 1]
     * @param streams how many streams to make
     * @param seed the random seed
     * @return the streams, in order
     * @throws GestureLabException if there are no gesture clips, or no Nothing clips while some are needed
     */
    public static List<KeypointStream> generate(LabeledClips clips, Set<String> nothingClasses, double idleFraction,
            int streams, long seed) {
        if (!(idleFraction >= 0 && idleFraction <= 1)) {
            throw new GestureLabException("The idle fraction must lie between 0 and 1, not " + idleFraction + ".");
        }
        if (streams < 1) {
            throw new GestureLabException("Make at least one stream, not " + streams + ".");
        }
        List<Integer> gestures = new ArrayList<>();
        List<Integer> idle = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            (nothingClasses.contains(clips.classes().get(clips.labels()[i])) ? idle : gestures).add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(gestures, random);
        Collections.shuffle(idle, random);
        if (idleFraction > 0 && idle.isEmpty()) {
            throw new GestureLabException("There are no clips of the Nothing class (" + String.join(", ",
                    nothingClasses) + ") to fill the gaps between gestures: record or import some, or use "
                    + "--idle-fraction 0.");
        }
        List<KeypointStream> result = new ArrayList<>();
        if (idleFraction == 1) {
            for (int s = 0; s < streams; s++) {
                List<float[][]> parts = new ArrayList<>();
                for (int k = s; k < idle.size(); k += streams) {
                    parts.add(clips.clips().get(idle.get(k)));
                }
                if (!parts.isEmpty()) {
                    result.add(new KeypointStream(concat(parts), List.of()));
                }
            }
            return result;
        }
        if (gestures.isEmpty()) {
            throw new GestureLabException("There are no gesture clips (only Nothing) to build streams from.");
        }
        Deck deck = new Deck(idle, random);
        for (int s = 0; s < streams && s < gestures.size(); s++) {
            List<Integer> mine = new ArrayList<>();
            for (int k = s; k < gestures.size(); k += streams) {
                mine.add(gestures.get(k));
            }
            long gestureFrames = mine.stream().mapToLong(i -> clips.clips().get(i).length).sum();
            double idleTarget = gestureFrames * idleFraction / (1 - idleFraction);
            int gaps = mine.size() + 1;
            List<float[][]> parts = new ArrayList<>();
            List<Segment> segments = new ArrayList<>();
            long position = 0;
            long idleSoFar = 0;
            for (int g = 0; g < gaps; g++) {
                double quota = idleTarget * (g + 1) / gaps;
                while (idleFraction > 0 && idleSoFar < quota) {
                    float[][] filler = clips.clips().get(deck.next());
                    parts.add(filler);
                    position += filler.length;
                    idleSoFar += filler.length;
                }
                if (g < mine.size()) {
                    int index = mine.get(g);
                    float[][] gesture = clips.clips().get(index);
                    parts.add(gesture);
                    segments.add(new Segment(position, position + gesture.length,
                            clips.classes().get(clips.labels()[index])));
                    position += gesture.length;
                }
            }
            result.add(new KeypointStream(concat(parts), segments));
        }
        return result;
    }

    private static float[][] concat(List<float[][]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        float[][] out = new float[total][];
        int at = 0;
        for (float[][] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Nothing clips in random order, reshuffled when all were dealt. */
    private static final class Deck {
        private final List<Integer> cards;
        private final Random random;
        private int next;

        Deck(List<Integer> cards, Random random) {
            this.cards = new ArrayList<>(cards);
            this.random = random;
        }

        int next() {
            if (next == cards.size()) {
                Collections.shuffle(cards, random);
                next = 0;
            }
            return cards.get(next++);
        }
    }
}
