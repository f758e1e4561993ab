package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.SharedData;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;

/** The default model on real MediaPipe Holistic data: asl6, one signer, every fifth sequence held out. */
class RealDataTest {

    @Test
    void asl6HeldOutMacroF1IsAtLeast095() {
        Path root = SharedData.require("asl6-holistic/MP_Data");
        LabeledClips all = TestData.readMpData(root, null, 30);
        List<float[][]> trainClips = new ArrayList<>();
        List<float[][]> testClips = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean heldOut = i % 5 == 4;
            (heldOut ? testClips : trainClips).add(all.clips().get(i));
            (heldOut ? testLabels : trainLabels).add(all.labels()[i]);
        }
        LabeledClips train = new LabeledClips(trainClips, trainLabels.stream().mapToInt(Integer::intValue).toArray(),
                all.classes());
        try (SequenceClassifier classifier = ClassifierTrainer.train(train,
                TrainingConfig.defaults().withSubset(FeatureSubset.ALL), null, TaskMonitor.SILENT)) {
            Evaluation evaluation = Evaluation.ofProbabilities(all.classes(),
                    testLabels.stream().mapToInt(Integer::intValue).toArray(), classifier.predict(testClips));
            assertTrue(evaluation.macroF1() >= 0.95, evaluation.toTable());
        }
    }
}
