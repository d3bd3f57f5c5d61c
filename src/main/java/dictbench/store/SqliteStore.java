package dictbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.sqlite.SQLiteConfig;

/**
 * SQLite through sqlite-jdbc, as the Python question's accepted answer suggests: one {@code WITHOUT ROWID} table whose
 * TEXT primary key is the dictionary's key, opened read-only with the whole file memory-mapped ({@code mmap_size}), and
 * one prepared statement per kind of query.
 */
final class SqliteStore implements Store {
    private static final int BATCH = 10_000;

    private final Path file;
    private final Properties config;
    private final Connection connection;
    private final PerThread<Lookup> lookups;

    /** A thread's own connection and statement: one SQLite connection serialises the threads that share it. */
    private record Lookup(Connection connection, PreparedStatement get) {
    }

    private SqliteStore(Path file, Properties config) throws IOException {
        this.file = file;
        this.config = config;
        this.connection = connect();
        this.lookups = new PerThread<>(this::lookup, l -> close(l.connection()));
    }

    private Connection connect() throws IOException {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, config);
        } catch (SQLException e) {
            throw new IOException(file + ": SQLite could not open the store (" + e.getMessage() + ")", e);
        }
    }

    private Lookup lookup() throws IOException {
        Connection c = connect();
        try {
            return new Lookup(c, c.prepareStatement("SELECT v FROM dict WHERE k = ?"));
        } catch (SQLException e) {
            close(c);
            throw new IOException(file + ": SQLite could not read the store (" + e.getMessage() + ")", e);
        }
    }

    static void build(Map<String, String> entries, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=OFF");
                    s.execute("PRAGMA synchronous=OFF");
                    s.execute("CREATE TABLE dict (k TEXT PRIMARY KEY NOT NULL, v TEXT NOT NULL) WITHOUT ROWID");
                }
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO dict (k, v) VALUES (?, ?)")) {
                    int pending = 0;
                    for (var e : entries.entrySet()) {
                        insert.setString(1, e.getKey());
                        insert.setString(2, e.getValue());
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw new IOException(target + ": SQLite could not write the store (" + e.getMessage() + ")", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static Store open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no SQLite store; build it first");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(Math.max(Files.size(file), 1)));
        return new SqliteStore(file, config.toProperties());
    }

    @Override
    public String get(String key) throws IOException {
        PreparedStatement get = lookups.get().get();
        try {
            get.setString(1, key);
            try (ResultSet r = get.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException(file + ": SQLite lookup failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void scan(BiConsumer<String, String> entry) throws IOException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT k, v FROM dict")) {
            while (r.next()) {
                entry.accept(r.getString(1), r.getString(2));
            }
        } catch (SQLException e) {
            throw new IOException(file + ": SQLite scan failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public long bytes() throws IOException {
        return Files.size(file);
    }

    @Override
    public void close() throws IOException {
        try {
            lookups.closeAll();
        } finally {
            close(connection);
        }
    }

    private void close(Connection c) throws IOException {
        try {
            c.close(); // closes its statements too
        } catch (SQLException e) {
            throw new IOException(file + ": SQLite could not close the store (" + e.getMessage() + ")", e);
        }
    }
}
