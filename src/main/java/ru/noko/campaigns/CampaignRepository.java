package ru.noko.campaigns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.catalog.OrganizationType;
import ru.noko.platform.database.Sql;

import java.sql.Array;
import java.sql.Date;
import java.util.List;

@Singleton
public class CampaignRepository {

    private final Sql sql;

    public CampaignRepository(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    public long createDraft(CampaignDraft draft) {
        return sql.jdbc().prepareStatement("""
                INSERT INTO campaign (region_code, year, title, types, methodology_code, denominator_variant, zero_rule,
                                      operator_name, started_on, finished_on, council_protocol, demo)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", statement -> {
            Array types = statement.getConnection().createArrayOf("text",
                    draft.types().stream().map(OrganizationType::code).toArray());
            statement.setString(1, draft.regionCode());
            statement.setInt(2, draft.year());
            statement.setString(3, draft.title());
            statement.setArray(4, types);
            statement.setString(5, draft.methodologyCode());
            statement.setString(6, draft.settings().variant().code());
            statement.setString(7, draft.settings().zeroRule().code());
            statement.setString(8, draft.operatorName());
            statement.setDate(9, draft.startedOn() == null ? null : Date.valueOf(draft.startedOn()));
            statement.setDate(10, draft.finishedOn() == null ? null : Date.valueOf(draft.finishedOn()));
            statement.setString(11, draft.councilProtocol());
            statement.setBoolean(12, draft.demo());
            try (var keys = statement.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        });
    }

    @Transactional(readOnly = true)
    public long count() {
        return sql.count("SELECT count(*) FROM campaign", List.of());
    }

}
