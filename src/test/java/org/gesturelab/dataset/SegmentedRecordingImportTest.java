package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedRecordingImportTest {

    @Test
    void windowsGetTheMajorityLabelAndNothingWhereNoSegmentCovers(@TempDir Path dir) throws Exception {
        float[][] frames = new float[100][KeypointLayout.FEATURES];
        Path recording = dir.resolve("take.npy");
        new KeypointStream(frames, List.of(new Segment(10, 40, "wave"), new Segment(60, 70, "stop")))
                .write(recording);
        try (Project project = Project.create(dir.resolve("p"), "p", List.of("wave"))) {
            RecordingImport.importSegmented(project, recording, KeypointStream.segmentsFileOf(recording), 20, 10,
                    TaskMonitor.SILENT);
            List<Clip> pool = project.clips(ClipState.POOL);
            assertEquals(9, pool.size());
            List<String> truth = pool.stream().map(c -> project.classNames().get(c.hiddenLabel())).toList();
            // Windows start at 0, 10, ..., 80; 0-20 has 10 wave frames and 10 idle ones: a tie goes to the gesture.
            assertEquals(List.of("wave", "wave", "wave", "wave", "Nothing", "stop", "stop", "Nothing", "Nothing"),
                    truth);
            assertEquals(List.of("wave", "Nothing", "stop"), project.classNames());
            assertEquals(50, pool.get(5).startFrame());
        }
        assertEquals("stop", RecordingImport.majority(List.of(new Segment(60, 70, "stop"), new Segment(70, 72, "a")),
                55, 16, "Nothing"));
    }
}
