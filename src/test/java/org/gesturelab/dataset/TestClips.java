package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** Deterministic synthetic keypoint clips for tests. */
final class TestClips {

    private TestClips() {
    }

    /** Returns a clip of random values in [0, 1) with a zero face block, seeded for repeatability. */
    static float[][] random(int frames, long seed) {
        Random random = new Random(seed);
        float[][] clip = new float[frames][KeypointLayout.FEATURES];
        for (float[] frame : clip) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = i >= KeypointLayout.FACE_OFFSET && i < KeypointLayout.LEFT_HAND_OFFSET
                        ? 0f : random.nextFloat();
            }
        }
        return clip;
    }

    /** Returns the names of the entries directly in a folder, sorted. */
    static List<String> fileNames(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Creates a project at {@code dir} holding one clip of class "existing", runs an import that must be refused
     * for the truncated file {@code bad}, and checks that the message names it and the project is unchanged, also
     * after reopening.
     */
    static void assertTruncatedFileRefusesImport(Path dir, Path bad, ThrowingConsumer<Project> importer)
            throws IOException {
        try (Project project = Project.create(dir, "demo", List.of("existing"))) {
            project.addClip(NewClip.labeled(random(2, 1), ClipState.TRAIN, 0, "before"));
            GestureLabException e = assertThrows(GestureLabException.class, () -> importer.accept(project));
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertEquals(List.of("existing"), project.classNames());
            assertEquals(1, project.clips(ClipQuery.all()).size());
            assertEquals(1, fileNames(dir.resolve(Project.CLIPS_DIR)).size());
        }
        try (Project project = Project.open(dir)) {
            assertEquals(List.of("existing"), project.classNames());
            assertTrue(project.check().isEmpty());
        }
    }
}
