package ru.noko.platform.database;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plain SQL over the current transaction's connection: parameters bound in order, rows mapped by
 * a lambda. Callers own the transaction boundaries ({@code @Transactional} on service methods);
 * outside a transaction each call borrows a connection of its own.
 */
@Singleton
@Connectable
public class Sql {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A query kept for {@link #together}: its text, its parameters in order and how its rows are read. */
    public record Query<T>(String sql, List<?> parameters, RowMapper<T> mapper) {
    }

    /** The rows of each query {@link #together} ran. */
    public static final class Rows {

        private final Map<Query<?>, List<?>> rows = new IdentityHashMap<>();

        @SuppressWarnings("unchecked")
        public <T> List<T> of(Query<T> query) {
            List<?> found = rows.get(query);
            if (found == null) {
                throw new IllegalArgumentException("not one of the queries that ran together");
            }
            return (List<T>) found;
        }

        public <T> Optional<T> one(Query<T> query) {
            List<T> found = of(query);
            return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
        }
    }

    private static final int FETCH_SIZE = 1000;

    private final JdbcOperations jdbc;
    private final LongStatements longStatements;

    public Sql(JdbcOperations jdbc, LongStatements longStatements) {
        this.jdbc = jdbc;
        this.longStatements = longStatements;
    }

    /**
     * Lets the statements of the current transaction run long (uploads, publishing, dumps): every
     * other statement ends within the short default, so that reads fail fast when the database
     * fails. See {@link LongStatements}.
     */
    public void allowLongStatements() {
        longStatements.allow();
    }

    public <T> List<T> list(String sql, List<?> parameters, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    public <T> Optional<T> one(String sql, List<?> parameters, RowMapper<T> mapper) {
        List<T> rows = list(sql, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * Several independent queries sent to the database at once, in one round trip (the driver
     * pipelines the statements of one text and waits once): a page made of a few small reads pays
     * one wait for the database instead of one per read. In a transaction they run in it, in order.
     * No query text may contain a semicolon of its own.
     */
    public Rows together(List<? extends Query<?>> queries) {
        StringBuilder text = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Query<?> query : queries) {
            if (query.sql().indexOf(';') >= 0) {
                throw new IllegalArgumentException("a query run together with others has no ';' of its own");
            }
            text.append(text.isEmpty() ? "" : ";\n").append(query.sql());
            parameters.addAll(query.parameters());
        }
        return jdbc.prepareStatement(text.toString(), statement -> {
            bind(statement, parameters);
            Rows rows = new Rows();
            boolean resultSet = statement.execute();
            for (Query<?> query : queries) {
                if (!resultSet) {
                    throw new IllegalStateException("a query run together with others returned no rows");
                }
                List<Object> found = new ArrayList<>();
                try (ResultSet set = statement.getResultSet()) {
                    while (set.next()) {
                        found.add(query.mapper().map(set));
                    }
                }
                rows.rows.put(query, found);
                resultSet = statement.getMoreResults();
            }
            return rows;
        });
    }

    public long count(String sql, List<?> parameters) {
        return one(sql, parameters, row -> row.getLong(1)).orElse(0L);
    }

    public int update(String sql, List<?> parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /**
     * One page of a list query and the number of rows the whole query matches.
     *
     * @param countQuery {@code SELECT count(*)} over the rows of the list
     * @param rowsQuery  the list, ordered totally (stable pages), without LIMIT and OFFSET
     * @param parameters the parameters of either query: they take the same ones
     */
    public <T> Page<T> page(String countQuery, String rowsQuery, List<?> parameters, PageRequest page,
                            RowMapper<T> mapper) {
        long total = count(countQuery, parameters);
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(page.perPage());
        pageParameters.add(page.offset());
        return new Page<>(list(rowsQuery + " LIMIT ? OFFSET ?", pageParameters, mapper), total, page);
    }

    /**
     * Every row of a query, read through a cursor {@value #FETCH_SIZE} rows at a time, so memory does
     * not grow with the result. Needs a transaction (PostgreSQL keeps cursors only inside one);
     * {@code sink} runs inside it.
     */
    public <T> void stream(String sql, List<?> parameters, RowMapper<T> mapper, Consumer<T> sink) {
        jdbc.prepareStatement(sql, statement -> {
            statement.setFetchSize(FETCH_SIZE);
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(mapper.map(rows));
                }
            }
            return null;
        });
    }

    public JdbcOperations jdbc() {
        return jdbc;
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    /** {@link ResultSet#getInt} that keeps SQL NULL as null. */
    public static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
