package ru.noko.platform.database;

import io.micronaut.context.annotation.Value;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Migrations may rewrite large tables: their connection gets the long statement timeout (see
 * {@link LongStatements}) while Flyway migrates, and the connection's own limits back afterwards,
 * before it returns to the pool the public reads use.
 */
@Singleton
@Named("default")
class LongMigrations implements FlywayConfigurationCustomizer, Callback {

    private final long millis;

    LongMigrations(@Value("${noko.database.long-statement-timeout:30m}") Duration timeout) {
        this.millis = Math.max(1, timeout.toMillis());
    }

    @Override
    public String getName() {
        return "default";
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.callbacks(this);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            if (event == Event.BEFORE_MIGRATE) {
                connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, millis));
                statement.execute("SET statement_timeout = " + millis);
            } else {
                statement.execute("RESET statement_timeout");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the migration's statement timeout", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "long-migrations";
    }
}
