package org.gesturelab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.SharedData;
import org.gesturelab.app.common.ClipPictures;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.Project;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.workflow.persons.PersonScores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains, evaluates, replays and relabels a confusion-matrix cell's clip, and simulates on real ASL keypoints (two
 * signs) through the view model, synchronously.
 */
class TrainViewModelTest {

    @TempDir
    Path folder;

    private OpenProject projects;

    @AfterEach
    void close() {
        if (projects != null) {
            projects.close();
        }
    }

    @Test
    void trainEvaluateAndSimulateFillTheHistoryCurvesAndMatrix() throws Exception {
        Path data = SharedData.require("asl6-holistic/MP_Data");
        Path subset = Files.createDirectories(folder.resolve("subset"));
        for (String sign : List.of("hello", "thanks")) {
            Files.createSymbolicLink(subset.resolve(sign), data.resolve(sign));
        }
        projects = new OpenProject(new SettingsStore(folder.resolve("settings.json")));
        projects.create(folder.resolve("p"), "ASL");
        Project project = projects.get();
        MpDataFormat.importInto(project, subset, ClipState.POOL, TaskMonitor.SILENT);
        // Class 0 is the Nothing class of a new project; the signs follow.
        for (int c = 1; c <= 2; c++) {
            var pool = project.clips(ClipQuery.inState(ClipState.POOL).withHiddenLabel(c));
            for (int i = 0; i < 8; i++) {
                project.label(pool.get(i).id(), c, LabelSource.IMPORT);
                if (i >= 3) {
                    project.moveTo(pool.get(i).id(), ClipState.TEST, LabelSource.IMPORT);
                }
            }
        }
        TrainViewModel viewModel = new TrainViewModel(projects, new CurrentThreadExecutor());

        viewModel.train();
        assertEquals(1, viewModel.history().size(), viewModel.messageProperty().get());
        assertEquals(6, viewModel.history().get(0).labels());
        assertFalse(Double.isNaN(viewModel.history().get(0).macroF1()));
        assertNotNull(viewModel.assessmentProperty().get(), "a new model is evaluated at once");
        int[][] matrix = viewModel.assessmentProperty().get().evaluation().confusionMatrix();
        // Rows and columns 1 and 2 are the signs; row 0, the Nothing class, has no test clips.
        assertEquals(10, matrix[1][1] + matrix[1][2] + matrix[2][1] + matrix[2][2]);

        // A matrix cell lists its clips; picking one replays it (skeleton only: imported keypoints have no video).
        int predicted = matrix[1][1] > 0 ? 1 : 2;
        viewModel.showCell(1, predicted);
        assertEquals(matrix[1][predicted], viewModel.cellClips().size());
        assertNull(viewModel.replayProperty().get(), "nothing replays before a clip is picked");
        Clip clip = viewModel.cellClips().get(0);
        viewModel.replay(clip);
        ClipPictures pictures = viewModel.replayProperty().get();
        assertNotNull(pictures, viewModel.messageProperty().get());
        assertEquals(clip.id(), viewModel.replayedClipProperty().get().id());
        assertEquals(clip.frames(), pictures.frames().size());
        assertEquals(pictures.width() * pictures.height() * 3, pictures.frames().get(0).length);
        assertFalse(java.util.Arrays.equals(pictures.frames().get(0), pictures.frames().get(clip.frames() - 1)),
                "the skeleton moves from the first frame to the last");
        // Relabeling the replayed clip takes it off the list and stops its replay; it stays a test clip.
        viewModel.relabel(clip, 3 - predicted);
        assertFalse(viewModel.cellClips().contains(clip));
        assertNull(viewModel.replayProperty().get());
        assertEquals(3 - predicted, project.requireClip(clip.id()).label());
        assertEquals(ClipState.TEST, project.requireClip(clip.id()).state());

        viewModel.simulate("margin", 10);
        assertTrue(viewModel.messageProperty().get().startsWith("Simulated"), viewModel.messageProperty().get());
        assertEquals(2, viewModel.simulations().stream().map(TrainViewModel.HistoryRow::session).distinct().count());
        assertTrue(viewModel.simulations().stream().anyMatch(r -> r.strategy().equals("margin")));
        assertEquals(1, viewModel.history().size(), "simulations stay out of the user's own history");
    }

    @Test
    void noTestClipsGoesOnceTestClipsExistAndEvaluateRan() throws Exception {
        projects = new OpenProject(new SettingsStore(folder.resolve("settings.json")));
        projects.create(folder.resolve("q"), "Q");
        Project project = projects.get();
        project.addClass("wave");
        project.addClass("point");
        java.util.Random random = new java.util.Random(2);
        for (int i = 0; i < 4; i++) {
            project.addClip(org.gesturelab.dataset.NewClip.labeled(org.gesturelab.app.TestClips.random(random),
                    ClipState.TRAIN, i % 2, "recorded " + i));
        }
        TrainViewModel viewModel = new TrainViewModel(projects, new CurrentThreadExecutor());
        viewModel.train();
        viewModel.evaluate();
        assertTrue(viewModel.messageProperty().get().startsWith("No test clips"), viewModel.messageProperty().get());
        for (int i = 0; i < 2; i++) {
            project.addClip(org.gesturelab.dataset.NewClip.labeled(org.gesturelab.app.TestClips.random(random),
                    ClipState.TEST, i, "test " + i));
        }
        viewModel.evaluate();
        assertNotNull(viewModel.assessmentProperty().get());
        assertEquals("", viewModel.messageProperty().get());
    }

    @Test
    void theCheckOnNewPeopleSaysWhatHelpsWhenTheyAreRecognizedPoorly() {
        List<PersonScores.Person> two = List.of(new PersonScores.Person("Ann", 10, 0.6, 0.55),
                new PersonScores.Person("Bo", 10, 0.7, 0.65));
        String poor = TrainViewModel.unseenPeopleMessage(new PersonScores(two, 0.60, 0.05, 0.65, 0.05, 0));
        assertEquals("On people it was not trained on: accuracy 65% (±5 over 2 people), macro F1 0.60. What helps "
                + "most with someone new: one example of each gesture by them, tagged with their name.", poor);
        String good = TrainViewModel.unseenPeopleMessage(new PersonScores(two, 0.95, 0.01, 0.96, 0.01, 0));
        assertEquals("On people it was not trained on: accuracy 96% (±1 over 2 people), macro F1 0.95.", good);
    }
}
