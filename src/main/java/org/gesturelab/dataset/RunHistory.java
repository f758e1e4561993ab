package org.gesturelab.dataset;

import static org.gesturelab.dataset.ProjectDb.doubleOrNull;
import static org.gesturelab.dataset.ProjectDb.generatedKey;
import static org.gesturelab.dataset.ProjectDb.integer;
import static org.gesturelab.dataset.ProjectDb.longOrNull;
import static org.gesturelab.dataset.ProjectDb.setNullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;

/** The active-learning history of a project: query batches, training runs and iterations. */
final class RunHistory {

    private final ProjectDb db;

    RunHistory(ProjectDb db) {
        this.db = db;
    }

    QueryBatch saveQueryBatch(QueryBatch batch) {
        return db.write(() -> {
            long id;
            try (PreparedStatement insert = db.connection().prepareStatement("INSERT INTO query_batches "
                    + "(created_at, strategy, training_run_id) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, batch.createdAt().toEpochMilli());
                insert.setString(2, batch.strategy());
                setNullable(insert, 3, batch.trainingRunId());
                insert.executeUpdate();
                id = generatedKey(insert);
            }
            try (PreparedStatement insert = db.connection().prepareStatement("INSERT INTO query_batch_items "
                    + "(batch_id, rank, clip_id, score, predicted_label) VALUES (?, ?, ?, ?, ?)")) {
                for (int rank = 0; rank < batch.items().size(); rank++) {
                    QueryBatch.Item item = batch.items().get(rank);
                    insert.setLong(1, id);
                    insert.setInt(2, rank);
                    insert.setLong(3, item.clipId());
                    if (Double.isNaN(item.score())) {
                        insert.setNull(4, Types.REAL);
                    } else {
                        insert.setDouble(4, item.score());
                    }
                    setNullable(insert, 5, item.predictedLabel());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return new QueryBatch(id, batch.createdAt(), batch.strategy(), batch.trainingRunId(), batch.items());
        });
    }

    List<QueryBatch> queryBatches() {
        return db.read(() -> {
            List<QueryBatch> batches = new ArrayList<>();
            try (Statement statement = db.connection().createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT id, created_at, strategy, training_run_id FROM query_batches ORDER BY id")) {
                while (rs.next()) {
                    batches.add(new QueryBatch(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            longOrNull(rs, 4), List.of()));
                }
            }
            List<QueryBatch> full = new ArrayList<>(batches.size());
            try (PreparedStatement items = db.connection().prepareStatement("SELECT clip_id, score, predicted_label "
                    + "FROM query_batch_items WHERE batch_id = ? ORDER BY rank")) {
                for (QueryBatch batch : batches) {
                    items.setLong(1, batch.id());
                    List<QueryBatch.Item> list = new ArrayList<>();
                    try (ResultSet rs = items.executeQuery()) {
                        while (rs.next()) {
                            double score = rs.getDouble(2);
                            list.add(new QueryBatch.Item(rs.getLong(1), rs.wasNull() ? Double.NaN : score,
                                    integer(rs, 3)));
                        }
                    }
                    full.add(new QueryBatch(batch.id(), batch.createdAt(), batch.strategy(), batch.trainingRunId(),
                            list));
                }
            }
            return full;
        });
    }

    TrainingRun saveTrainingRun(TrainingRun run) {
        return db.write(() -> {
            boolean insert = run.id() == 0;
            try (PreparedStatement statement = db.connection().prepareStatement(insert
                    ? "INSERT INTO training_runs (started_at, finished_at, model_path, train_clips, test_clips, "
                            + "test_accuracy, details) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    : "UPDATE training_runs SET started_at = ?, finished_at = ?, model_path = ?, train_clips = ?, "
                            + "test_clips = ?, test_accuracy = ?, details = ? WHERE id = ?",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setLong(1, run.startedAt().toEpochMilli());
                setNullable(statement, 2, run.finishedAt() == null ? null : run.finishedAt().toEpochMilli());
                statement.setString(3, run.modelPath());
                statement.setInt(4, run.trainClips());
                statement.setInt(5, run.testClips());
                setNullable(statement, 6, run.testAccuracy());
                statement.setString(7, run.details());
                if (!insert) {
                    statement.setLong(8, run.id());
                    if (statement.executeUpdate() != 1) {
                        throw new GestureLabException("No training run " + run.id() + " to update.");
                    }
                    return run;
                }
                statement.executeUpdate();
                return new TrainingRun(generatedKey(statement), run.startedAt(), run.finishedAt(), run.modelPath(),
                        run.trainClips(), run.testClips(), run.testAccuracy(), run.details());
            }
        });
    }

    List<TrainingRun> trainingRuns() {
        return db.read(() -> {
            List<TrainingRun> runs = new ArrayList<>();
            try (Statement statement = db.connection().createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT id, started_at, finished_at, model_path, train_clips, test_clips, test_accuracy, details "
                            + "FROM training_runs ORDER BY id")) {
                while (rs.next()) {
                    Long finished = longOrNull(rs, 3);
                    runs.add(new TrainingRun(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                            finished == null ? null : Instant.ofEpochMilli(finished), rs.getString(4), rs.getInt(5),
                            rs.getInt(6), doubleOrNull(rs, 7), rs.getString(8)));
                }
            }
            return runs;
        });
    }

    Iteration saveIteration(Iteration iteration) {
        return db.write(() -> {
            try (PreparedStatement insert = db.connection().prepareStatement("INSERT INTO iterations (session, number, at, "
                    + "strategy, query_batch_id, training_run_id, labeled_clips, test_accuracy, details) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, iteration.session());
                insert.setInt(2, iteration.number());
                insert.setLong(3, iteration.at().toEpochMilli());
                insert.setString(4, iteration.strategy());
                setNullable(insert, 5, iteration.queryBatchId());
                setNullable(insert, 6, iteration.trainingRunId());
                insert.setInt(7, iteration.labeledClips());
                setNullable(insert, 8, iteration.testAccuracy());
                insert.setString(9, iteration.details());
                insert.executeUpdate();
                return new Iteration(generatedKey(insert), iteration.session(), iteration.number(), iteration.at(),
                        iteration.strategy(), iteration.queryBatchId(), iteration.trainingRunId(),
                        iteration.labeledClips(), iteration.testAccuracy(), iteration.details());
            }
        });
    }

    List<Iteration> iterations(String session) {
        return db.read(() -> {
            try (PreparedStatement select = db.connection().prepareStatement("SELECT id, session, number, at, strategy, "
                    + "query_batch_id, training_run_id, labeled_clips, test_accuracy, details FROM iterations"
                    + (session == null ? "" : " WHERE session = ?") + " ORDER BY session, number")) {
                if (session != null) {
                    select.setString(1, session);
                }
                List<Iteration> iterations = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        iterations.add(new Iteration(rs.getLong(1), rs.getString(2), rs.getInt(3),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), longOrNull(rs, 6),
                                longOrNull(rs, 7), rs.getInt(8), doubleOrNull(rs, 9), rs.getString(10)));
                    }
                }
                return iterations;
            }
        });
    }

    Iteration saveTrainingRunAndIteration(TrainingRun run, Iteration iteration) {
        return db.write(() -> {
            TrainingRun stored = saveTrainingRun(new TrainingRun(0, run.startedAt(), run.finishedAt(),
                    run.modelPath(), run.trainClips(), run.testClips(), run.testAccuracy(), run.details()));
            return saveIteration(new Iteration(0, iteration.session(), iteration.number(), iteration.at(),
                    iteration.strategy(), iteration.queryBatchId(), stored.id(), iteration.labeledClips(),
                    iteration.testAccuracy(), iteration.details()));
        });
    }
}
