package org.gesturelab.app.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.gesturelab.workflow.KeypointEngine;
import org.gesturelab.workflow.ImportData;
import org.gesturelab.workflow.ImportFormat;
import org.gesturelab.SharedData;
import org.gesturelab.app.TestClips;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.BackgroundJob;
import org.gesturelab.app.common.ClipPictures;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.TaskHandle;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.mediapipe.InstalledModels;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetViewModelTest {

    private static final String VIDEOS = "bodygesture15/videos_1m_upper/S8/videos/";

    /** Loads MediaPipe Holistic from the installed models, only when a test imports videos. */
    private static final KeypointEngine HOLISTIC = () -> new HolisticPipeline(
            HolisticOptions.defaults().withModelDir(InstalledModels.require()));

    @TempDir
    Path folder;

    private OpenProject projects;
    private DatasetViewModel viewModel;

    @BeforeEach
    void open() throws Exception {
        projects = new OpenProject(new SettingsStore(folder.resolve("settings.json")));
        projects.create(folder.resolve("p"), "Test");
        Project project = projects.get();
        project.addClass("wave");
        project.addClass("point");
        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TRAIN,
                    project.requireClass(i % 2 == 0 ? "wave" : "point"), "recorded " + i));
            project.addClip(NewClip.unlabeled(TestClips.random(random), "footage " + i));
        }
        viewModel = new DatasetViewModel(projects, new CurrentThreadExecutor(), HOLISTIC);
        viewModel.reload();
    }

    @AfterEach
    void close() {
        projects.close();
    }

    @Test
    void filtersByStateClassAndText() {
        assertEquals(6, viewModel.rows().size());
        viewModel.stateFilterProperty().set(ClipState.POOL);
        assertEquals(3, viewModel.rows().size());
        viewModel.stateFilterProperty().set(null);
        viewModel.labelFilterProperty().set("wave");
        assertEquals(2, viewModel.rows().size());
        viewModel.labelFilterProperty().set(null);
        viewModel.textFilterProperty().set("footage 2");
        assertEquals(1, viewModel.rows().size());
        // No model yet: the prediction column stays empty rather than guessing.
        assertTrue(viewModel.rows().get(0).prediction().isEmpty());
    }

    @Test
    void relabelMoveAndDeleteActOnTheSelection() {
        viewModel.stateFilterProperty().set(ClipState.POOL);
        List<DatasetViewModel.ClipRow> pool = List.copyOf(viewModel.rows());
        // Class 2 is "point" (class 0 is the Nothing class of a new project).
        viewModel.relabel(pool.subList(0, 2), 2);
        assertEquals(2, projects.get().clips(ClipState.TRAIN).stream().filter(c -> c.label() == 2).count() - 1);
        assertEquals(1, viewModel.rows().size());

        viewModel.stateFilterProperty().set(ClipState.TRAIN);
        viewModel.move(List.of(viewModel.rows().get(0)), ClipState.TEST);
        assertEquals(1, projects.get().clips(ClipState.TEST).size());

        viewModel.stateFilterProperty().set(null);
        viewModel.delete(List.of(viewModel.rows().get(0)));
        assertEquals(5, projects.get().clips(org.gesturelab.dataset.ClipQuery.all()).size());
        assertEquals(5, viewModel.allRows().size());
        assertTrue(viewModel.messageProperty().get().startsWith("Deleted 1"));
    }

    @Test
    void importsAVideoFolderOneClipPerVideoLabeledByItsSubFolder() throws Exception {
        InstalledModels.require();
        Path root = Files.createDirectories(folder.resolve("videos"));
        SharedData.linkInto(root.resolve("yes"), "S8_yes.avi", VIDEOS + "yes_1_1m_upper.avi");
        SharedData.linkInto(root.resolve("wave"), "S8_shrug.avi", VIDEOS + "shrug_1_1m_upper.avi");
        Project project = projects.get();

        viewModel.importData(ImportFormat.VIDEOS, root, ClipState.TEST, null);

        assertEquals("Imported 2 clips; new gestures: yes.", viewModel.messageProperty().get());
        assertFalse(viewModel.taskProperty().get().runningProperty().get());
        assertEquals(List.of("Nothing", "wave", "point", "yes"), project.classNames(),
                "an existing gesture is reused");
        Map<String, Integer> labels = new TreeMap<>();
        for (Clip clip : project.clips(ClipState.TEST)) {
            labels.put(clip.source(), clip.label());
            float[][] keypoints = project.loadKeypoints(clip);
            assertEquals(project.sequenceLength(), keypoints.length, "resampled to the project's clip length");
            assertEquals(KeypointLayout.FEATURES, keypoints[0].length);
            assertNotNull(ClipPictures.fromVector(keypoints[0], 0, 640, 480).pose(), clip.source() + ": a pose");
        }
        assertEquals(Map.of("wave/S8_shrug.avi", 1, "yes/S8_yes.avi", 3), labels);
        assertEquals(8, viewModel.allRows().size(), "the table reloads with the new clips");
    }

    @Test
    void cancellingAVideoRecordingImportAddsNothing() throws Exception {
        InstalledModels.require();
        Path video = SharedData.linkInto(folder.resolve("rec"), "left.avi", VIDEOS + "left_1_1m_upper.avi");
        // The user presses Cancel once the third frame's keypoints are found.
        viewModel = new DatasetViewModel(projects, new CancellingExecutor("Finding keypoints", 3), HOLISTIC);
        int before = projects.get().clips(ClipQuery.all()).size();

        viewModel.importData(ImportFormat.RECORDING, video, ClipState.POOL, null);

        assertEquals("Import cancelled; nothing was added.", viewModel.messageProperty().get());
        assertEquals(before, projects.get().clips(ClipQuery.all()).size());
        assertTrue(projects.get().recordings().isEmpty());
    }

    @Test
    void importsPoseJointsSplitByPersonAndRefusesAnUnknownSubject() throws Exception {
        Path joints = SharedData.require("bodygesture15/joints");
        Project project = projects.get();
        int before = project.clips(ClipQuery.all()).size();

        viewModel.importData(ImportData.Request.joints(joints, "S7, S9", ""));
        assertEquals("Import failed: No test subject 'S9' in " + joints.resolve("index.csv")
                + "; it lists S1, S2, S3, S4, S5, S6, S7, S8.", viewModel.messageProperty().get());
        assertEquals(before, project.clips(ClipQuery.all()).size(), "a refused import adds nothing");

        viewModel.importData(ImportData.Request.joints(joints, "S7,S8", "1m"));

        assertTrue(viewModel.messageProperty().get().startsWith("Imported 120 clips; new gestures: "),
                viewModel.messageProperty().get());
        assertFalse(viewModel.taskProperty().get().runningProperty().get());
        assertEquals(15 + 3, project.classNames().size(), "15 gestures besides the three the project had");
        assertEquals(15, project.clips(ClipQuery.all()).stream().filter(c -> c.source().startsWith("joints/"))
                .map(Clip::label).distinct().count(), "every gesture has clips");
        // The test fixture's own clips: 3 train, none in test.
        assertEquals(90 + 3, project.clips(ClipState.TRAIN).size());
        List<Clip> test = project.clips(ClipState.TEST);
        assertEquals(30, test.size());
        assertTrue(test.stream().allMatch(c -> c.source().startsWith("joints/S7/") || c.source().startsWith(
                "joints/S8/")), "only the test subjects are in test");
        float[] frame = project.loadKeypoints(test.get(0))[0];
        assertEquals(KeypointLayout.FEATURES, frame.length);
        assertNotNull(ClipPictures.fromVector(frame, 0, 640, 480).pose(), "the pose block is filled");
        assertEquals(6 + 120, viewModel.allRows().size(), "the table reloads with the new clips");
    }

    @Test
    void refusesARecordingThatIsNeitherKeypointsNorVideo() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "not a recording");
        viewModel.importData(ImportFormat.RECORDING, text, ClipState.POOL, null);
        assertTrue(viewModel.messageProperty().get().startsWith(
                "Import failed: notes.txt is neither a keypoint recording (.npy) nor a video"),
                viewModel.messageProperty().get());
    }

    /** Runs jobs at once and requests their cancel, as the Cancel button does, once a progress step is reached. */
    private static final class CancellingExecutor implements BackgroundExecutor {
        private final CurrentThreadExecutor inner = new CurrentThreadExecutor();
        private final String message;
        private final long step;

        CancellingExecutor(String message, long step) {
            this.message = message;
            this.step = step;
        }

        @Override
        public <T> TaskHandle submit(String title, BackgroundJob<T> job, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            return inner.submit(title, monitor -> job.run(new TaskMonitor() {
                private boolean cancelled;

                @Override
                public void update(String text, long done, long total) {
                    monitor.update(text, done, total);
                    cancelled |= text.startsWith(message) && done >= step;
                }

                @Override
                public boolean isCancelled() {
                    return cancelled || monitor.isCancelled();
                }
            }), onSuccess, onFailure);
        }

        @Override
        public void shutdown() {
            // Nothing runs in the background.
        }
    }

    @Test
    void switchingProjectClearsTheLastProjectsMessage() throws Exception {
        viewModel.delete(List.of(viewModel.rows().get(0)));
        assertTrue(viewModel.messageProperty().get().startsWith("Deleted 1"));
        projects.create(folder.resolve("other"), "Other");
        assertEquals("", viewModel.messageProperty().get());
        assertEquals(0, viewModel.allRows().size());
    }
}
