package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, item 11: a full disk and a read-only folder are named as such, and reading still works read-only. */
class DiskTroubleTest {

    @TempDir
    Path temp;

    @Test
    void theWaysAFullDiskShowsUpAreNamedAsSuch() {
        for (Exception e : List.of(new SQLException("[SQLITE_FULL] Insertion failed because database is full "
                + "(database or disk is full)"), new SQLException("[SQLITE_IOERR_SHMSIZE] error"),
                new FileSystemException("/x/c00000001.npy", null, "No space left on device"))) {
            String message = DiskTrouble.describe(e, temp);
            assertTrue(message.matches("the disk is full \\(\\d+ MB free at .+\\)"), message);
        }
        assertEquals("[SQLITE_BUSY] locked", DiskTrouble.describe(new SQLException("[SQLITE_BUSY] locked"), temp));
    }

    @Test
    void aFullDiskDuringAnImportSaysSo() throws Exception {
        try (TmpfsMount mount = TmpfsMount.tryMount(temp.resolve("small"), 1536)) {
            Assumptions.assumeTrue(mount != null, "cannot mount a tmpfs here");
            try (Project project = Project.create(mount.dir().resolve("p"), "Demo", List.of("a"))) {
                GestureLabException e = assertThrows(GestureLabException.class, () -> {
                    for (int i = 0; i < 100; i++) {
                        project.addClip(NewClip.labeled(TestClips.random(60, i), ClipState.TRAIN, 0, "t"));
                    }
                });
                assertTrue(e.getMessage().contains("the disk is full ("), e.getMessage());
                assertTrue(e.getMessage().contains(" MB free at " + mount.dir()), e.getMessage());
            }
        }
    }

    @Test
    void aReadOnlyFolderOpensReadOnlyForReadingAndWritingSaysWhy() throws Exception {
        try (TmpfsMount mount = TmpfsMount.tryMount(temp.resolve("stick"), 8192)) {
            Assumptions.assumeTrue(mount != null, "cannot mount a tmpfs here");
            Path dir = mount.dir().resolve("p");
            try (Project project = Project.create(dir, "Demo", List.of("a", "b"))) {
                project.addClip(NewClip.labeled(TestClips.random(3, 1), ClipState.TRAIN, 0, "t"));
                project.addClip(NewClip.labeled(TestClips.random(3, 2), ClipState.TEST, 1, "t"));
            }
            mount.remountReadOnly();
            GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
            assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
            try (Project project = Project.openForReading(dir)) {
                assertTrue(project.isReadOnly());
                assertEquals(1, project.stats().test());
                assertEquals(3, project.labeledClips(ClipState.TRAIN).clips().get(0).length);
                assertEquals(2, NpyFolderFormat.export(project, temp.resolve("out"), EnumSet.allOf(ClipState.class),
                        TaskMonitor.SILENT));
            }
            GestureLabException repair = assertThrows(GestureLabException.class, () -> Project.repair(dir));
            assertTrue(repair.getMessage().contains("is read-only"), repair.getMessage());
        }
    }
}
