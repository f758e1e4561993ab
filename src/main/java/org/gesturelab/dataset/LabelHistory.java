package org.gesturelab.dataset;

import static org.gesturelab.dataset.ProjectDb.generatedKey;
import static org.gesturelab.dataset.ProjectDb.integer;
import static org.gesturelab.dataset.ProjectDb.longOrNull;
import static org.gesturelab.dataset.ProjectDb.setNullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.gesturelab.core.GestureLabException;

/**
 * Labels and their history: every change of a clip's state or label updates its row and appends a
 * {@link LabelEvent} in the same transaction, and undo appends an event that reverts an earlier one.
 */
final class LabelHistory {

    private static final String EVENT_COLUMNS =
            "id, clip_id, old_state, old_label, new_state, new_label, source, at, reverts";

    private final ProjectDb db;
    private final ProjectClasses classes;
    private final ClipStore clips;

    LabelHistory(ProjectDb db, ProjectClasses classes, ClipStore clips) {
        this.db = db;
        this.classes = classes;
        this.clips = clips;
    }

    private record Change(ClipState state, Integer label) {
    }

    LabelEvent label(long clipId, int classIndex, LabelSource source) {
        classes.checkIndex(classIndex);
        return change(clipId, source, clip -> new Change(
                clip.state() == ClipState.TEST ? ClipState.TEST : ClipState.TRAIN, classIndex));
    }

    LabelEvent label(long clipId, int classIndex, ClipState state, LabelSource source) {
        classes.checkIndex(classIndex);
        if (!state.isLabeled()) {
            throw new GestureLabException("A labeled clip goes to the training or the test clips, not " + state + ".");
        }
        return change(clipId, source, clip -> new Change(state, classIndex));
    }

    LabelEvent skip(long clipId, LabelSource source) {
        return change(clipId, source, clip -> new Change(ClipState.SKIPPED, null));
    }

    LabelEvent moveTo(long clipId, ClipState state, LabelSource source) {
        return change(clipId, source, clip -> {
            if (state.isLabeled() && clip.label() == null) {
                throw new GestureLabException("Clip " + clipId + " has no label; label it before moving it to "
                        + state + ".");
            }
            return new Change(state, state.isLabeled() ? clip.label() : null);
        });
    }

    List<LabelEvent> labelAll(Map<Long, Integer> labels, LabelSource source) {
        return db.write(() -> {
            List<LabelEvent> events = new ArrayList<>(labels.size());
            labels.forEach((clipId, classIndex) -> events.add(label(clipId, classIndex, source)));
            return events;
        });
    }

    List<LabelEvent> moveAll(Collection<Long> clipIds, ClipState state, LabelSource source) {
        return db.write(() -> {
            List<LabelEvent> events = new ArrayList<>(clipIds.size());
            for (long clipId : clipIds) {
                events.add(moveTo(clipId, state, source));
            }
            return events;
        });
    }

    private LabelEvent change(long clipId, LabelSource source, Function<Clip, Change> decide) {
        Objects.requireNonNull(source, "source");
        return db.write(() -> {
            Clip clip = clips.requireClip(clipId);
            Change change = decide.apply(clip);
            return record(clip.id(), clip.state(), clip.label(), change.state(), change.label(), source, null);
        });
    }

    /** Updates a clip and appends the event, inside the caller's transaction. */
    private LabelEvent record(long clipId, ClipState oldState, Integer oldLabel, ClipState newState, Integer newLabel,
            LabelSource source, Long reverts) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement update = db.connection().prepareStatement(
                "UPDATE clips SET state = ?, label = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, newState.name());
            setNullable(update, 2, newLabel);
            update.setLong(3, now);
            update.setLong(4, clipId);
            update.executeUpdate();
        }
        try (PreparedStatement insert = db.connection().prepareStatement("INSERT INTO label_events "
                + "(clip_id, old_state, old_label, new_state, new_label, source, at, reverts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, clipId);
            insert.setString(2, oldState.name());
            setNullable(insert, 3, oldLabel);
            insert.setString(4, newState.name());
            setNullable(insert, 5, newLabel);
            insert.setString(6, source.name());
            insert.setLong(7, now);
            setNullable(insert, 8, reverts);
            insert.executeUpdate();
            long id = generatedKey(insert);
            return new LabelEvent(id, clipId, oldState, oldLabel, newState, newLabel, source,
                    Instant.ofEpochMilli(now), reverts);
        }
    }

    List<LabelEvent> undo(int n) {
        return db.write(() -> {
            List<LabelEvent> targets;
            try (PreparedStatement select = db.connection().prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM label_events WHERE reverts IS NULL AND reverted_by IS NULL ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, n);
                targets = readEvents(select);
            }
            List<LabelEvent> undone = new ArrayList<>();
            for (LabelEvent target : targets) {
                LabelEvent event = record(target.clipId(), target.newState(), target.newLabel(), target.oldState(),
                        target.oldLabel(), LabelSource.UNDO, target.id());
                try (PreparedStatement mark = db.connection().prepareStatement(
                        "UPDATE label_events SET reverted_by = ? WHERE id = ?")) {
                    mark.setLong(1, event.id());
                    mark.setLong(2, target.id());
                    mark.executeUpdate();
                }
                undone.add(event);
            }
            return undone;
        });
    }

    List<LabelEvent> labelEvents(int limit) {
        return db.read(() -> {
            try (PreparedStatement select = db.connection().prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM label_events ORDER BY id DESC" + (limit > 0 ? " LIMIT " + limit : ""))) {
                return readEvents(select);
            }
        });
    }

    private static List<LabelEvent> readEvents(PreparedStatement select) throws SQLException {
        List<LabelEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                events.add(new LabelEvent(rs.getLong(1), rs.getLong(2), ClipState.valueOf(rs.getString(3)),
                        integer(rs, 4), ClipState.valueOf(rs.getString(5)), integer(rs, 6),
                        LabelSource.valueOf(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)), longOrNull(rs, 9)));
            }
        }
        return events;
    }
}
