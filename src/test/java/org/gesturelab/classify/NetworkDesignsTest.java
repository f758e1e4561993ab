package org.gesturelab.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkDesignsTest {

    private static final LabeledClips TRAIN = TestData.synthetic(3, 8, 1);

    @Test
    void everyDesignTrainsSavesAndLoadsToTheSamePredictions(@TempDir Path folder) throws Exception {
        List<float[][]> clips = TRAIN.clips().subList(0, 5);
        for (Architecture architecture : List.of(Architecture.DEFAULT, Architecture.GRU, Architecture.TCN)) {
            TrainingConfig config = TrainingConfig.defaults().withArchitecture(architecture).withMaxEpochs(2);
            Path saved = folder.resolve(architecture.id());
            float[][] before;
            try (SequenceClassifier classifier = ClassifierTrainer.train(TRAIN, config, null, TaskMonitor.SILENT)) {
                before = classifier.predict(clips);
                assertEquals(architecture.embeddingSize(), classifier.embed(clips)[0].length);
                classifier.save(saved);
            }
            try (SequenceClassifier loaded = SequenceClassifier.load(saved)) {
                assertEquals(architecture.id(), loaded.card().architecture());
                float[][] after = loaded.predict(clips);
                for (int i = 0; i < clips.size(); i++) {
                    assertArrayEquals(before[i], after[i], 1e-5f, architecture.id());
                }
            }
        }
    }

    @Test
    void aFormatOneCardCalledDefaultIsTheGruNetwork() {
        try (SequenceClassifier classifier = ClassifierTrainer.train(TRAIN,
                TrainingConfig.defaults().withArchitecture(Architecture.GRU).withMaxEpochs(1), null,
                TaskMonitor.SILENT)) {
            ModelCard card = classifier.card();
            assertEquals(Architecture.DEFAULT, Architecture.of(named(card, ModelCard.FORMAT_VERSION, "default")));
            assertEquals(Architecture.GRU, Architecture.of(named(card, 1, "default")));
            assertEquals(Architecture.TCN, Architecture.of(named(card, 1, "tcn")));
            assertEquals(Architecture.GRU, Architecture.of(card));
        }
    }

    private static ModelCard named(ModelCard c, int format, String architecture) {
        return new ModelCard(format, architecture, c.classes(), c.featureSubset(), c.featureVersion(),
                c.sequenceLength(), c.inputFeatures(), c.keypointFeatures(), c.featureMean(), c.featureStd(),
                c.config(), c.training(), c.evaluation(), c.dataFingerprint(), c.createdAt(), c.gesturelabVersion(),
                c.java(), c.os());
    }
}
