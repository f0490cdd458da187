package ru.noko.platform.database;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * With a read replica configured, the default datasource (the primary: Flyway, admin, writes) hands
 * out a replica connection instead while the thread runs a public read ({@link ReplicaRoute}), so
 * that every reader, transaction and {@link Sql} call of that read works unchanged on the replica.
 * Runs before Micronaut Data's own wrapping of the datasource, and routes to the unwrapped pools.
 */
@Singleton
@Requires(property = "datasources.replica.enabled", value = "true")
class ReplicaRouting implements BeanCreatedEventListener<DataSource>, Ordered {

    private final ReplicaRoute route;

    ReplicaRouting(ReplicaRoute route) {
        this.route = route;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (!"default".equals(event.getBeanIdentifier().getName())) {
            return event.getBean();
        }
        return new Routed(DelegatingDataSource.unwrapDataSource(event.getBean()), route);
    }

    private record Routed(DataSource primary, ReplicaRoute route) implements DataSource {

        private DataSource target() {
            DataSource replica = route.current();
            return replica == null ? primary : replica;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target().getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return primary.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            primary.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            primary.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return primary.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return primary.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : primary.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || primary.isWrapperFor(type);
        }
    }
}
