package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.classify.TestData;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipBatch;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonBalanceTest {

    private static List<Clip> clips(String... persons) {
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < persons.length; i++) {
            clips.add(new Clip(i + 1, ClipState.TRAIN, 0, null, "test", null, null, 30, Instant.EPOCH, null, null,
                    persons[i], null));
        }
        return clips;
    }

    @Test
    void everyPersonWeighsTheSameAndTheWeightsAddUpToTheClips() {
        // Ann 3 clips, Bo 2, Cy 1: each weighs 6 / 3 = 2 in all.
        double[] weights = PersonBalance.weights(clips("Ann", "Ann", "Ann", "Bo", "Bo", "Cy"));
        assertArrayEquals(new double[] {2 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1, 2}, weights, 1e-12);
    }

    @Test
    void clipsWithoutAPersonAreOneGroup() {
        double[] weights = PersonBalance.weights(clips("Ann", "Bo", null, null));
        assertArrayEquals(new double[] {4 / 3.0, 4 / 3.0, 2 / 3.0, 2 / 3.0}, weights, 1e-12);
    }

    @Test
    void trainingClipsOfAProjectCarryTheWeights(@TempDir Path dir) throws Exception {
        LabeledClips synthetic = TestData.synthetic(2, 3, 3);
        try (Project project = Project.create(dir, "people", List.of("a", "b"))) {
            try (ClipBatch batch = project.beginBatch()) {
                for (int i = 0; i < synthetic.size(); i++) {
                    // Three clips by Ann, the other three by Bo and Cy.
                    String person = i < 3 ? "Ann" : i == 3 ? "Bo" : "Cy";
                    batch.add(NewClip.labeled(synthetic.clips().get(i), ClipState.TRAIN, synthetic.labels()[i],
                            "take").withPerson(person));
                }
                batch.commit();
            }
            List<Clip> clips = project.clips(ClipState.TRAIN);
            LabeledClips train = PersonBalance.trainingClips(project, clips);
            assertEquals(6, train.size());
            for (int i = 0; i < clips.size(); i++) {
                double expected = switch (clips.get(i).person()) {
                    case "Ann" -> 2 / 3.0;
                    case "Bo" -> 2.0;
                    default -> 1.0;
                };
                assertEquals(expected, train.weight(i), 1e-12, clips.get(i).person());
            }
        }
    }

    @Test
    void oneTaggedPersonKeepsEqualWeights() {
        assertNull(PersonBalance.weights(clips("Ann", "Ann", null)));
        assertNull(PersonBalance.weights(clips(null, null)));
    }
}
