package org.gesturelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.app.dataset.DatasetScreen;
import org.gesturelab.app.train.TrainScreen;
import org.gesturelab.classify.TestData;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Who is in a clip, through the real controls: the Record screen asks once who is recording, the Dataset screen
 * shows and sets the person of the selected clips, and the Train screen measures the model on people it was not
 * trained on.
 */
@ExtendWith(ApplicationExtension.class)
class PersonScreensTest {

    private static final List<String> PEOPLE = List.of("Ann", "Bo", "Cy");

    @TempDir
    static Path folder;

    private MainViewModel main;
    private FxBackgroundExecutor executor;
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = folder.resolve("GestureLab").resolve("People");
        if (!Project.isProject(dir)) {
            try (Project project = Project.create(dir, "People", TestData.synthetic(3, 1, 1).classes())) {
                for (int person = 0; person < PEOPLE.size(); person++) {
                    LabeledClips clips = TestData.synthetic(3, 3, 40 + person);
                    for (int i = 0; i < clips.size(); i++) {
                        project.addClip(NewClip.labeled(clips.clips().get(i), person == 2 ? ClipState.TEST
                                : ClipState.TRAIN, clips.labels()[i], "synthetic").withPerson(person == 1 ? null
                                : PEOPLE.get(person)));
                    }
                }
            }
        }
        executor = new FxBackgroundExecutor(1);
        context = AppHarness.context(folder, executor);
        // Nobody has said yet who records on this computer.
        context.settings().update(s -> s.withLastProject(dir.toString()).withRecordingPerson(null));
        main = AppHarness.show(stage, context, null);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(main::dispose);
        executor.shutdown();
    }

    @Test
    void recordAsksOnceWhoIsRecordingAndRemembersIt(FxRobot robot) {
        robot.clickOn("#nav-record");
        assertEquals("Person: unknown", robot.lookup("#record-person").queryLabeled().getText());
        robot.clickOn("#record-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#record-person-name").tryQuery().isPresent(), "the question is asked");
        robot.clickOn("#record-person-name").write("Dana");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Dana", context.settings().get().recordingPerson(), "remembered in the app settings");
        assertEquals("Person: Dana", robot.lookup("#record-person").queryLabeled().getText());
        // The take itself needs a camera; the answer came first.
        assertTrue(robot.lookup("#record-message").queryLabeled().getText().contains("Start a camera"),
                robot.lookup("#record-message").queryLabeled().getText());

        robot.clickOn("#record-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#record-person-name").tryQuery().isPresent(), "asked only once");

        // Change… edits the answer.
        robot.clickOn("#record-person-change");
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#record-person-name").eraseText(4).write("Eli");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Eli", context.settings().get().recordingPerson());
        assertEquals("Person: Eli", robot.lookup("#record-person").queryLabeled().getText());
    }

    @Test
    void datasetShowsAndSetsThePersonOfTheSelectedClips(FxRobot robot) throws Exception {
        DatasetScreen dataset = (DatasetScreen) main.screens().stream().filter(s -> s.title().equals("Dataset"))
                .findFirst().orElseThrow();
        robot.clickOn("#nav-dataset");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dataset.viewModel().allRows().size() == 27);
        TableView<?> table = robot.lookup("#dataset-table").queryTableView();
        TableColumn<?, ?> person = table.getColumns().stream().filter(c -> c.getText().equals("Person")).findFirst()
                .orElseThrow(() -> new AssertionError("no Person column"));
        assertEquals("Ann", person.getCellData(0));
        assertEquals("", person.getCellData(9), "a clip of nobody known shows no name");

        // The untagged clips are Bo's: select them all at once and set their person.
        robot.clickOn("#dataset-search").write("synthetic");
        Project project = main.projects().get();
        List<Long> untagged = project.clips(ClipQuery.all()).stream().filter(c -> c.person() == null)
                .map(Clip::id).toList();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (int row = 0; row < table.getItems().size(); row++) {
                if (person.getCellData(row).equals("")) {
                    table.getSelectionModel().select(row);
                }
            }
        });
        assertEquals(untagged.size(), table.getSelectionModel().getSelectedItems().size());
        robot.clickOn("#dataset-person-name").write("Bo");
        robot.clickOn("#dataset-set-person");
        for (long id : untagged) {
            assertEquals("Bo", project.requireClip(id).person());
        }
        assertEquals("Tagged 9 clips with “Bo”.", robot.lookup("#dataset-message").queryLabeled().getText());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dataset.viewModel().allRows().stream()
                .allMatch(r -> r.clip().person() != null));
        assertEquals(List.of("Ann", "Bo", "Cy"), dataset.viewModel().persons());
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.doubleClickOn("#dataset-search").eraseText(9).write("cy");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, dataset.viewModel().rows().size(), "the search finds a person");
    }

    @Test
    void trainShowsTheAccuracyOnPeopleItWasNotTrainedOn(FxRobot robot) throws Exception {
        TrainScreen train = (TrainScreen) main.screens().stream().filter(s -> s.title().equals("Train"))
                .findFirst().orElseThrow();
        robot.clickOn("#nav-train");
        WaitForAsyncUtils.waitForFxEvents();
        // Ann and Cy have labeled clips (Bo's are untagged unless the Dataset test ran first): at least two people,
        // so the figure is offered.
        List<String> people = org.gesturelab.workflow.persons.CrossPersonValidation.labeledPersons(
                main.projects().get());
        assertTrue(people.size() >= 2, people.toString());
        assertTrue(robot.lookup("#train-unseen-people").query().isVisible());
        assertNull(train.viewModel().unseenPeopleProperty().get());
        robot.clickOn("#train-check-people");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> train.viewModel().unseenPeopleProperty().get() != null
                || train.viewModel().messageProperty().get().contains("Could not"));
        WaitForAsyncUtils.waitForFxEvents();
        var scores = train.viewModel().unseenPeopleProperty().get();
        assertEquals(people, scores.persons().stream().map(p -> p.person()).toList());
        assertEquals(9, scores.persons().get(0).clips());
        String shown = robot.lookup("#train-unseen-people").queryLabeled().getText();
        assertEquals(String.format(java.util.Locale.ROOT, "On people it was not trained on: %.0f%% (±%.0f, %d people)",
                scores.meanAccuracy() * 100, scores.spreadAccuracy() * 100, people.size()), shown);
    }
}
