package ru.noko.platform.database;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * This running service among the nodes that share one database: a random id made at start and
 * logged, so that what a node owns (its import jobs) can be told from another node's, and a
 * restarted node is a new one.
 */
@Singleton
public class ServiceNode {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceNode.class);

    private final String id = UUID.randomUUID().toString();

    public ServiceNode() {
        LOG.info("This service node is {}", id);
    }

    public String id() {
        return id;
    }
}
