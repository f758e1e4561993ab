package org.gesturelab.dataset;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.gesturelab.core.GestureLabException;

/**
 * The database schema and its migrations. The version lives in SQLite's {@code user_version}; each migration
 * runs in its own transaction together with the version bump, so an interrupted upgrade leaves the older, intact
 * schema behind. To change the schema, append a migration; never edit one that has shipped.
 */
final class Schema {

    /**
     * Migration {@code i} turns version {@code i} into {@code i + 1}.
     *
     * <p>Version 2 adds {@code classes}, the class names by position.
     *
     * <p>Version 3 adds each clip's {@code person} and {@code session} tags (null where unknown), so that a model can
     * be scored on people it was not trained on. The migration only adds nullable columns: existing rows keep every
     * value they had.
     *
     * <p>A clip's label and state are columns of its row rather than separate tables, so they can never
     * disagree; the CHECK makes the database itself refuse a labeled pool clip or an unlabeled training clip.
     * {@code label_events} is the history of both. Ids use AUTOINCREMENT so that a deleted clip's id, and the
     * file name derived from it, is never handed out again.
     */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE imports (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL,
              source TEXT NOT NULL,
              created_at INTEGER NOT NULL
            )""",
            """
            CREATE TABLE recordings (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              source TEXT NOT NULL,
              frames INTEGER NOT NULL CHECK (frames >= 0),
              created_at INTEGER NOT NULL
            )""",
            """
            CREATE TABLE clips (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              state TEXT NOT NULL CHECK (state IN ('TRAIN', 'TEST', 'POOL', 'SKIPPED')),
              label INTEGER CHECK (label >= 0),
              hidden_label INTEGER CHECK (hidden_label >= 0),
              source TEXT NOT NULL,
              recording_id INTEGER REFERENCES recordings(id),
              start_frame INTEGER CHECK (start_frame >= 0),
              frames INTEGER NOT NULL CHECK (frames > 0),
              keypoints TEXT NOT NULL UNIQUE,
              replay_video TEXT,
              import_id INTEGER REFERENCES imports(id),
              created_at INTEGER NOT NULL,
              updated_at INTEGER NOT NULL,
              CHECK ((state IN ('TRAIN', 'TEST')) = (label IS NOT NULL))
            )""",
            "CREATE INDEX clips_by_state ON clips(state, label)",
            "CREATE INDEX clips_by_recording ON clips(recording_id, start_frame)",
            """
            CREATE TABLE label_events (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
              old_state TEXT NOT NULL,
              old_label INTEGER,
              new_state TEXT NOT NULL,
              new_label INTEGER,
              source TEXT NOT NULL,
              at INTEGER NOT NULL,
              reverts INTEGER,
              reverted_by INTEGER
            )""",
            "CREATE INDEX label_events_by_clip ON label_events(clip_id)",
            """
            CREATE TABLE training_runs (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              started_at INTEGER NOT NULL,
              finished_at INTEGER,
              model_path TEXT,
              train_clips INTEGER NOT NULL,
              test_clips INTEGER NOT NULL,
              test_accuracy REAL,
              details TEXT
            )""",
            """
            CREATE TABLE query_batches (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              created_at INTEGER NOT NULL,
              strategy TEXT NOT NULL,
              training_run_id INTEGER REFERENCES training_runs(id) ON DELETE SET NULL
            )""",
            """
            CREATE TABLE query_batch_items (
              batch_id INTEGER NOT NULL REFERENCES query_batches(id) ON DELETE CASCADE,
              rank INTEGER NOT NULL,
              clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
              score REAL,
              predicted_label INTEGER,
              PRIMARY KEY (batch_id, rank)
            )""",
            "CREATE INDEX query_batch_items_by_clip ON query_batch_items(clip_id)",
            """
            CREATE TABLE iterations (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              session TEXT NOT NULL,
              number INTEGER NOT NULL,
              at INTEGER NOT NULL,
              strategy TEXT,
              query_batch_id INTEGER REFERENCES query_batches(id) ON DELETE SET NULL,
              training_run_id INTEGER REFERENCES training_runs(id) ON DELETE SET NULL,
              labeled_clips INTEGER NOT NULL,
              test_accuracy REAL,
              details TEXT,
              UNIQUE (session, number)
            )"""),
            // The class list as the labels were written against it, so that opening a project can tell a class
            // removed or moved in project.json (which would silently relabel clips) from a renamed one.
            List.of("""
            CREATE TABLE classes (
              position INTEGER PRIMARY KEY CHECK (position >= 0),
              name TEXT NOT NULL
            )"""),
            // Who is in a clip and when it was recorded: evaluation by person holds whole people out.
            List.of("ALTER TABLE clips ADD COLUMN person TEXT",
                    "ALTER TABLE clips ADD COLUMN session TEXT",
                    "CREATE INDEX clips_by_person ON clips(person)"));

    /** The schema version this code writes. */
    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Brings a database up to {@link #VERSION}.
     *
     * @param db an open connection in auto-commit mode
     * @param name the database's name, for messages
     * @throws SQLException if a migration fails (it is rolled back)
     * @throws GestureLabException if the database is newer than this code
     */
    static void migrate(Connection db, String name) throws SQLException {
        int version = version(db);
        if (version > VERSION) {
            throw new GestureLabException(name + " has schema version " + version + ", newer than this GestureLab ("
                    + VERSION + "); update GestureLab to open this project.");
        }
        for (int v = version; v < VERSION; v++) {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (v + 1));
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    static int version(Connection db) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
