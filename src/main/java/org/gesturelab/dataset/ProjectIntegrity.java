package org.gesturelab.dataset;

import static org.gesturelab.dataset.ProjectDb.integer;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gesturelab.core.GestureLabException;

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

    /**
     * Refuses a class list in {@code project.json} that no longer covers the labels in the database: a class removed
     * or moved by hand would otherwise silently give its clips another class. With {@code writable}, also drops the
     * empty classes that killed imports left at the end of the list and records the list in the database.
     *
     * @param abandoned class names that imports which never committed had added
     * @param writable whether the project is open for writing
     */
    void checkClasses(Set<String> abandoned, boolean writable) {
        Map<Integer, Integer> uses = labelUses();
        int maxUsed = uses.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<String> recorded = classes.recorded();
        List<String> current = classes.settings().classNames();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < recorded.size() && i <= maxUsed; i++) {
            String old = recorded.get(i);
            int now = current.indexOf(old);
            if (now == i) {
                continue;
            }
            if (now >= 0) {
                problems.add("'" + old + "' moved from class " + (i + 1) + " to class " + (now + 1) + uses(uses, i));
            } else if (i >= current.size() || recorded.contains(current.get(i))) {
                problems.add("'" + old + "' (class " + (i + 1) + ") is missing" + uses(uses, i));
            }
            // Otherwise the class was renamed in place, which keeps every label right.
        }
        for (int i = Math.max(current.size(), recorded.size()); i <= maxUsed; i++) {
            if (uses.containsKey(i)) {
                problems.add("class " + (i + 1) + " is missing" + uses(uses, i));
            }
        }
        if (!problems.isEmpty()) {
            throw new GestureLabException(classes.settings().name() + ": " + ProjectFiles.SETTINGS_FILE
                    + " no longer lists the classes that the labels in " + ProjectFiles.DATABASE_FILE
                    + " refer to: " + String.join("; ", problems) + ". A label is stored as the position of its "
                    + "class, so a class removed or moved in " + ProjectFiles.SETTINGS_FILE + " would silently "
                    + "give those clips another class. Put the classes back in their old order"
                    + (recorded.isEmpty() ? "" : " (" + String.join(", ", recorded) + ")")
                    + " and open the project again; to stop using a class, keep it in the list.");
        }
        if (!writable) {
            return;
        }
        List<GestureClass> list = new ArrayList<>(classes.classes());
        while (!list.isEmpty() && list.size() > recorded.size() && list.size() - 1 > maxUsed
                && abandoned.contains(list.get(list.size() - 1).name())) {
            // An import killed after it added this class and before it committed: nothing uses it.
            list.remove(list.size() - 1);
        }
        if (list.size() != classes.classes().size()) {
            classes.write(classes.settings().withClasses(list));
        } else if (!recorded.equals(current)) {
            classes.record();
        }
    }

    private static String uses(Map<Integer, Integer> uses, int position) {
        Integer count = uses.get(position);
        return count == null || count == 0 ? "" : " (" + count + " clip labels)";
    }

    /** Counts, per class position, the clips labeled (or secretly labeled) with it; undo history counts as a use. */
    private Map<Integer, Integer> labelUses() {
        return db.read(() -> {
            Map<Integer, Integer> uses = new HashMap<>();
            try (Statement statement = db.connection().createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT position, SUM(n) FROM ("
                            + "SELECT label AS position, COUNT(*) AS n FROM clips WHERE label IS NOT NULL GROUP BY label "
                            + "UNION ALL SELECT hidden_label, COUNT(*) FROM clips WHERE hidden_label IS NOT NULL "
                            + "GROUP BY hidden_label "
                            + "UNION ALL SELECT old_label, 0 FROM label_events WHERE old_label IS NOT NULL "
                            + "UNION ALL SELECT new_label, 0 FROM label_events WHERE new_label IS NOT NULL"
                            + ") GROUP BY position")) {
                while (rs.next()) {
                    uses.put(rs.getInt(1), rs.getInt(2));
                }
            }
            return uses;
        });
    }
}
