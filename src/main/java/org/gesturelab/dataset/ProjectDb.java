package org.gesturelab.dataset;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.gesturelab.core.GestureLabException;
import org.sqlite.SQLiteConfig;

/**
 * A project's one SQLite connection and the rules for using it: every read and every transaction holds the
 * project's lock, every write is one transaction that is on the disk before it returns, and SQL failures become
 * {@link GestureLabException}s naming the database. Also the one place for the small JDBC helpers (nullable
 * columns, generated keys) that the stores share.
 */
final class ProjectDb {

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    private final Path file;
    private final Connection db;
    private final boolean readOnly;
    private final ReentrantLock guard = new ReentrantLock();
    private volatile boolean closed;

    private ProjectDb(Path file, Connection db, boolean readOnly) {
        this.file = file;
        this.db = db;
        this.readOnly = readOnly;
    }

    /**
     * Opens the database for writing, creating it or bringing its schema up to date.
     *
     * @param file the database file
     * @param ifBlank when not null, a database without any schema yet (new or emptied) is refused with this error
     *     instead of being set up
     * @param ifUnusable turns a database SQLite cannot use into the error to throw
     * @return the open database
     */
    static ProjectDb openForWriting(Path file, Supplier<GestureLabException> ifBlank,
            Function<SQLException, GestureLabException> ifUnusable) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: every commit is on the disk before it returns, so a label survives even a power cut.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try {
                if (ifBlank != null && Schema.version(db) == 0 && !hasTables(db)) {
                    throw ifBlank.get();
                }
                Schema.migrate(db, file.toString());
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            return new ProjectDb(file, db, false);
        } catch (SQLException e) {
            if (DiskTrouble.isDiskFull(e, file) || DiskTrouble.isReadOnly(e)) {
                throw new GestureLabException("Cannot open the project database " + file + ": "
                        + DiskTrouble.describe(e, file), e);
            }
            throw ifUnusable.apply(e);
        }
    }

    private static boolean hasTables(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /**
     * Opens the database read-only; its schema must be the one this code reads.
     *
     * @param file the database file
     * @param immutable true when nobody can write the folder (a read-only file system): SQLite then needs no
     *     {@code -shm} file, which it could not create there
     * @return the open database
     */
    static ProjectDb openReadOnly(Path file, boolean immutable) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        String url = immutable ? "jdbc:sqlite:" + file.toUri() + "?immutable=1" : "jdbc:sqlite:" + file;
        try {
            Connection db = DriverManager.getConnection(url, config.toProperties());
            try {
                int version = Schema.version(db);
                if (version > Schema.VERSION) {
                    throw new GestureLabException(file + " has schema version " + version + ": it was written by a "
                            + "newer GestureLab (this one reads version " + Schema.VERSION + "). Update GestureLab "
                            + "to read this project.");
                }
                if (version != Schema.VERSION) {
                    throw new GestureLabException(file + " has schema version " + version + ", this GestureLab reads "
                            + Schema.VERSION + "; open the project normally once to upgrade it, or update GestureLab.");
                }
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            return new ProjectDb(file, db, true);
        } catch (SQLException e) {
            throw new GestureLabException("Cannot read the project database " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    Connection connection() {
        return db;
    }

    ReentrantLock guard() {
        return guard;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    boolean isClosed() {
        return closed;
    }

    /** Runs work under the project's lock. */
    <T> T locked(Supplier<T> work) {
        checkOpen();
        guard.lock();
        try {
            return work.get();
        } finally {
            guard.unlock();
        }
    }

    /** Runs a query under the project's lock. */
    <T> T read(SqlWork<T> work) {
        checkOpen();
        guard.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw storeError(e);
        } finally {
            guard.unlock();
        }
    }

    /** Runs work in one transaction, committed (and on disk) before returning, rolled back on any failure. */
    <T> T write(SqlWork<T> work) {
        checkOpen();
        checkWritable();
        guard.lock();
        try {
            boolean outer = db.getAutoCommit();
            if (!outer) {
                // Inside a batch on this thread: join its transaction.
                return work.run();
            }
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw storeError(e);
        } finally {
            guard.unlock();
        }
    }

    /**
     * Runs SQLite's quick check (structure and page consistency, without the index cross-check of the full
     * integrity check, so it stays fast on large projects).
     *
     * @return the problems found, empty when the database is sound
     */
    List<String> quickCheck() {
        checkOpen();
        guard.lock();
        List<String> problems = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                if (!"ok".equals(rs.getString(1))) {
                    problems.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            // A page so damaged that the check itself fails is the clearest answer of all.
            problems.add(e.getMessage());
        } finally {
            guard.unlock();
        }
        return problems;
    }

    GestureLabException storeError(SQLException e) {
        return new GestureLabException("Project database " + file + " failed: " + DiskTrouble.describe(e, file), e);
    }

    void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("project " + file.getParent() + " was opened read-only");
        }
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("project " + file.getParent() + " is closed");
        }
    }

    /** Closes the connection; the caller holds the guard. */
    void close() throws SQLException {
        closed = true;
        db.close();
    }

    // ---------------------------------------------------------------- JDBC helpers

    static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** Binds a value that may be null; sqlite-jdbc binds a null as SQL NULL. */
    static void setNullable(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setObject(index, value);
    }

    static long generatedKey(Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }
}
