package org.gesturelab.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @Test
    void noPointerMeansNoModel(@TempDir Path project) {
        assertTrue(ModelStore.current(project).isEmpty());
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> ModelStore.loadCurrent(project, java.util.List.of("a", "b"), 30, 1662));
        assertTrue(e.getMessage().contains("no trained model yet"), e.getMessage());
    }

    @Test
    void aPointerToNothingOrOutsideIsRefused(@TempDir Path project) throws Exception {
        Path models = Files.createDirectories(project.resolve(ModelStore.MODELS_DIR));
        Files.writeString(models.resolve(ModelStore.CURRENT), "20240101-000000\n");
        GestureLabException missing = assertThrows(GestureLabException.class, () -> ModelStore.current(project));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Files.createDirectories(project.resolve("elsewhere"));
        Files.writeString(models.resolve(ModelStore.CURRENT), "../elsewhere\n");
        assertThrows(GestureLabException.class, () -> ModelStore.current(project));
        Files.createDirectories(models.resolve("20240101-000000"));
        Files.writeString(models.resolve(ModelStore.CURRENT), "20240101-000000\n");
        assertEquals(models.resolve("20240101-000000"), ModelStore.current(project).orElseThrow());
    }

    @Test
    void aModelFromBeforeClassesWereAddedStillRecognizesButDoesNotEvaluate(@TempDir Path project) throws Exception {
        LabeledClips clips = TestData.synthetic(2, 6, 3);
        try (SequenceClassifier trained = ClassifierTrainer.train(clips,
                TrainingConfig.defaults().withMaxEpochs(1).withValidationFraction(0), null, TaskMonitor.SILENT)) {
            ModelStore.saveAsCurrent(project, trained);
        }
        List<String> known = clips.classes();
        List<String> withNothing = List.of(known.get(0), known.get(1), "Nothing");
        GestureLabException strict = assertThrows(GestureLabException.class,
                () -> ModelStore.loadCurrent(project, withNothing, 30, 1662));
        assertTrue(strict.getMessage().contains("the model lacks [Nothing]"), strict.getMessage());
        try (TrainedClassifier loaded = ModelStore.loadCurrentForRecognition(project, withNothing, 30, 1662)) {
            assertEquals(known, loaded.classes());
        }
        // Added in front or reordered, the indices would lie: still refused.
        assertThrows(GestureLabException.class, () -> ModelStore.loadCurrentForRecognition(project,
                List.of("Nothing", known.get(0), known.get(1)), 30, 1662));
        assertThrows(GestureLabException.class, () -> ModelStore.loadCurrentForRecognition(project,
                List.of(known.get(1), known.get(0), "Nothing"), 30, 1662));
    }
}
