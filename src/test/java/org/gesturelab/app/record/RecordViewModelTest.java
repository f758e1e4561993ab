package org.gesturelab.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.live.LiveFeed;
import org.gesturelab.app.common.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordViewModelTest {

    @TempDir
    Path folder;

    private OpenProject projects;
    private RecordViewModel viewModel;

    @BeforeEach
    void open() throws Exception {
        SettingsStore settings = new SettingsStore(folder.resolve("settings.json"));
        projects = new OpenProject(settings);
        projects.create(folder.resolve("p"), "Test");
        viewModel = new RecordViewModel(projects, new LiveFeed(null), settings, new CurrentThreadExecutor(),
                Runnable::run);
    }

    @AfterEach
    void close() {
        projects.close();
    }

    @Test
    void classesGetDefaultColoursAndKeysAndCanBeEdited() {
        assertTrue(viewModel.addClass("wave"));
        assertTrue(viewModel.addClass(" point "));
        assertEquals(List.of("wave", "point"), viewModel.classes().stream().map(r -> r.gestureClass().name())
                .toList());
        assertEquals("point", viewModel.selectedProperty().get().gestureClass().name());
        assertEquals("2", viewModel.classes().get(1).gestureClass().shortcut());

        assertTrue(viewModel.renameClass(0, "hello"));
        assertTrue(viewModel.recolorClass(0, "#112233"));
        assertTrue(viewModel.setShortcut(0, "h"));
        var first = projects.get().classes().get(0);
        assertEquals("hello", first.name());
        assertEquals("#112233", first.color());
        assertEquals("h", first.shortcut());

        assertTrue(viewModel.selectByShortcut("h"));
        assertEquals("hello", viewModel.selectedProperty().get().gestureClass().name());
    }

    @Test
    void badInputIsExplainedNotThrown() {
        assertTrue(viewModel.addClass("wave"));
        assertFalse(viewModel.renameClass(0, "a/b"));
        assertTrue(viewModel.messageProperty().get().contains("slash"), viewModel.messageProperty().get());
        assertFalse(viewModel.start(RecordViewModel.Target.CLASS));
        assertTrue(viewModel.messageProperty().get().contains("Start a camera"));
        assertEquals(RecordViewModel.Phase.IDLE, viewModel.phaseProperty().get());
    }
}
