package ru.noko.platform.management;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The database check of {@code /health} and {@code /health/readiness} when a read replica is
 * configured: the node is up while the primary answers. The replica is reported, but a replica that
 * is down does not take the node out of the load balancer: its public reads go to the primary then
 * (platform.database.ReadReplica). Without a replica Micronaut's own check stays.
 */
@Singleton
@Replaces(JdbcIndicator.class)
@Requires(property = "datasources.replica.enabled", value = "true")
@Requires(property = "endpoints.health.jdbc.enabled", notEquals = "false")
class ReplicaAwareDatabaseHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource primary;
    private final DataSource replica;

    ReplicaAwareDatabaseHealth(@Named("default") DataSource primary, @Named("replica") DataSource replica,
                               @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        // the pools themselves, not Micronaut Data's wrappers, which hand out the connection of a running transaction
        this.primary = DelegatingDataSource.unwrapDataSource(primary);
        this.replica = DelegatingDataSource.unwrapDataSource(replica);
        setExecutorService(executor);
    }

    @Override
    protected String getName() {
        return "jdbc";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        String primaryState = check(primary);
        String replicaState = check(replica);
        details.put("primary", primaryState);
        details.put("replica", replicaState.equals("UP") ? "UP" : replicaState + " (public reads go to the primary)");
        healthStatus = primaryState.equals("UP") ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    private static String check(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS) ? "UP" : "DOWN: the connection is not valid";
        } catch (SQLException | RuntimeException e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
