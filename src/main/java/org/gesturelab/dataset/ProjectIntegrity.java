package org.gesturelab.dataset;

import static org.gesturelab.dataset.ProjectDb.integer;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a project holds and whether it is whole: counts per state and class, and the consistency check. */
final class ProjectIntegrity {

    private final ProjectDb db;
    private final ProjectClasses classes;
    private final ClipStore clips;

    ProjectIntegrity(ProjectDb db, ProjectClasses classes, ClipStore clips) {
        this.db = db;
        this.classes = classes;
        this.clips = clips;
    }

    ProjectStats stats() {
        return db.read(() -> {
            List<GestureClass> classList = classes.classes();
            int classCount = classList.size();
            int[] byState = new int[ClipState.values().length];
            int[][] perClass = new int[classCount][3];
            try (Statement statement = db.connection().createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT state, label, hidden_label, COUNT(*) FROM clips GROUP BY state, label, hidden_label")) {
                while (rs.next()) {
                    ClipState state = ClipState.valueOf(rs.getString(1));
                    Integer label = integer(rs, 2);
                    Integer hidden = integer(rs, 3);
                    int count = rs.getInt(4);
                    byState[state.ordinal()] += count;
                    if (label != null && label < classCount) {
                        perClass[label][state == ClipState.TEST ? 1 : 0] += count;
                    } else if (state == ClipState.POOL && hidden != null && hidden < classCount) {
                        perClass[hidden][2] += count;
                    }
                }
            }
            List<ProjectStats.ClassCount> counts = new ArrayList<>();
            for (int i = 0; i < classCount; i++) {
                counts.add(new ProjectStats.ClassCount(classList.get(i).name(), perClass[i][0], perClass[i][1],
                        perClass[i][2]));
            }
            int total = 0;
            for (int count : byState) {
                total += count;
            }
            return new ProjectStats(classes.settings().name(), total, byState[ClipState.TRAIN.ordinal()],
                    byState[ClipState.TEST.ordinal()], byState[ClipState.POOL.ordinal()],
                    byState[ClipState.SKIPPED.ordinal()], classCount, counts);
        });
    }

    List<String> check() {
        return db.read(() -> {
            List<String> problems = new ArrayList<>();
            try (Statement statement = db.connection().createStatement();
                    ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        problems.add("database: " + rs.getString(1));
                    }
                }
            }
            int classCount = classes.classes().size();
            for (Clip clip : clips.allClips()) {
                if (!Files.isRegularFile(clip.keypoints())) {
                    problems.add("clip " + clip.id() + ": missing " + clip.keypoints());
                }
                if (clip.replayVideo() != null && !Files.isRegularFile(clip.replayVideo())) {
                    problems.add("clip " + clip.id() + ": missing " + clip.replayVideo());
                }
                if ((clip.label() != null && clip.label() >= classCount)
                        || (clip.hiddenLabel() != null && clip.hiddenLabel() >= classCount)) {
                    problems.add("clip " + clip.id() + ": label beyond the " + classCount + " classes");
                }
            }
            return problems;
        });
    }
}
