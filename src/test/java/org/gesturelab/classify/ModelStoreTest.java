package org.gesturelab.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gesturelab.core.GestureLabException;
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
}
