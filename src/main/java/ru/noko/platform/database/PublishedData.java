package ru.noko.platform.database;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;

/**
 * Records that published data changed, inside the publishing transaction: bumps the data version
 * (ETags derive from it), fires {@link PublishedDataChanging} for work that must commit with the
 * change, and, once the transaction has committed, fires {@link PublishedDataChanged}
 * so caches are invalidated only for data readers can actually see.
 */
@Singleton
public class PublishedData {

    private final DataVersion dataVersion;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<PublishedDataChanged> events;
    private final ApplicationEventPublisher<PublishedDataChanging> changing;
    private final LongStatements longStatements;

    public PublishedData(DataVersion dataVersion, TransactionOperations<Connection> transactions,
                         ApplicationEventPublisher<PublishedDataChanged> events,
                         ApplicationEventPublisher<PublishedDataChanging> changing, LongStatements longStatements) {
        this.longStatements = longStatements;
        this.dataVersion = dataVersion;
        this.transactions = transactions;
        this.events = events;
        this.changing = changing;
    }

    /**
     * Must run inside the transaction that changes the data. {@code regions} are those whose
     * organizations' pages the change reaches (empty: all of them).
     */
    public long changed(long campaignId, String change, Integer revision, Collection<String> regions) {
        longStatements.allow(); // what follows writes releases of open data
        long version = dataVersion.bump(regions);
        changing.publishEvent(new PublishedDataChanging(campaignId, change, revision));
        afterCommit(new PublishedDataChanged(campaignId, change, revision, version));
        return version;
    }

    /**
     * A campaign's data was withdrawn from what was published before (a legal takedown) without
     * changing what is published now. Must run inside the withdrawing transaction.
     */
    public long withdrawn(long campaignId) {
        return changedWithoutRelease(campaignId, PublishedDataChanged.TAKEN_DOWN);
    }

    /**
     * The catalogue changed outside any campaign (an admin moved an organization). Must run inside
     * the transaction that changes the data.
     */
    public long catalogueChanged() {
        return changedWithoutRelease(PublishedDataChanged.NO_CAMPAIGN, PublishedDataChanged.CATALOGUE);
    }

    /**
     * Links between organizations changed: histories and organization answers change, and so does
     * the organizations open-data set, which gets a new release. Must run inside the changing transaction.
     */
    public long linksChanged() {
        longStatements.allow(); // what follows writes releases of open data
        long version = dataVersion.bump(List.of());
        changing.publishEvent(new PublishedDataChanging(PublishedDataChanged.NO_CAMPAIGN, PublishedDataChanged.LINKS, null));
        afterCommit(new PublishedDataChanged(PublishedDataChanged.NO_CAMPAIGN, PublishedDataChanged.LINKS, null, version));
        return version;
    }

    /**
     * A new data version and, after the commit, fresh caches, but no {@link PublishedDataChanging}:
     * what campaigns publish now, and so the next open-data release, is unchanged.
     */
    private long changedWithoutRelease(long campaignId, String change) {
        longStatements.allow(); // what follows writes releases of open data
        long version = dataVersion.bump(List.of());
        afterCommit(new PublishedDataChanged(campaignId, change, null, version));
        return version;
    }

    private void afterCommit(PublishedDataChanged event) {
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("Published data may only change inside a transaction"));
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(event);
            }
        });
    }
}
