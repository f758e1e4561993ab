package org.gesturelab.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;

/**
 * Writes a consistent copy of a project into one zip file. Copying the folder by hand right after a crash can miss
 * the labels that are still only in {@code gesturelab.db-wal}; here the database is copied by SQLite itself
 * ({@code VACUUM INTO}), which includes every committed change, together with {@code project.json} and the clip
 * files the copied rows refer to, all taken under the project's lock so that they match.
 */
final class ProjectArchive {

    private ProjectArchive() {
    }

    static int write(ProjectDb db, ProjectClasses classes, ProjectFiles files, ClipStore clips, Path out,
            TaskMonitor monitor) throws IOException {
        Path zip = out.toAbsolutePath().normalize();
        if (Files.exists(zip)) {
            throw new GestureLabException(zip + " already exists; choose a new file for the archive.");
        }
        if (zip.startsWith(files.directory())) {
            throw new GestureLabException("Write the archive outside the project folder " + files.directory() + ".");
        }
        Path parent = Files.createDirectories(zip.getParent());
        Path partial = Files.createTempFile(parent, "." + zip.getFileName(), ".partial");
        Path dbCopy = Files.createTempFile(parent, "." + zip.getFileName(), ".db");
        Files.delete(dbCopy);
        try {
            List<Clip> list = new ArrayList<>();
            ProjectSettings settings = db.read(() -> {
                try (PreparedStatement vacuum = db.connection().prepareStatement("VACUUM INTO ?")) {
                    vacuum.setString(1, dbCopy.toString());
                    vacuum.execute();
                }
                list.addAll(clips.allClips());
                return classes.settings();
            });
            String top = files.directory().getFileName() + "/";
            try (ZipOutputStream zipOut = new ZipOutputStream(Files.newOutputStream(partial))) {
                put(zipOut, top + ProjectFiles.SETTINGS_FILE, files.settingsFile());
                put(zipOut, top + ProjectFiles.DATABASE_FILE, dbCopy);
                int done = 0;
                for (Clip clip : list) {
                    monitor.checkCancelled();
                    monitor.update("Archiving clip " + clip.id(), done++, list.size());
                    put(zipOut, top + ProjectFiles.CLIPS_DIR + "/" + clip.keypoints().getFileName(),
                            files.requireInside(clip.keypoints(), "The keypoints file of clip " + clip.id()));
                    if (clip.replayVideo() != null && Files.isRegularFile(clip.replayVideo())) {
                        put(zipOut, top + ProjectFiles.CLIPS_DIR + "/" + clip.replayVideo().getFileName(),
                                files.requireInside(clip.replayVideo(), "The replay video of clip " + clip.id()));
                    }
                }
                monitor.update("Archived " + list.size() + " clips of '" + settings.name() + "'", list.size(),
                        list.size());
            }
            FileSync.file(partial);
            Files.move(partial, zip);
            return list.size();
        } catch (IOException e) {
            throw DiskTrouble.cannotWrite(zip, e);
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(dbCopy);
        }
    }

    private static void put(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (OutputStream entry = new NonClosing(zip)) {
            Files.copy(file, entry);
        }
        zip.closeEntry();
    }

    /** Lets {@link Files#copy(Path, OutputStream)} write into one zip entry without closing the zip. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the zip stays open for the next entry
        }
    }
}
