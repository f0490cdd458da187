package ru.noko.campaigns.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many organizations a revision ranked: in all, by type and by municipality («place 12 of 505»).
 * A revision's results are written once, in the transaction that makes the revision, and never
 * changed, so its counts are kept in memory for good; pages of the long tail (an organization's
 * history, its widget) then read them without counting hundreds of rows per request.
 */
@Singleton
public class RevisionCounts {

    /** The counts of one revision. */
    public record Counts(int all, Map<String, Integer> byType, Map<String, Integer> byMunicipality) {

        public int ofType(String type) {
            return byType.getOrDefault(type, 0);
        }

        /** Zero for no municipality: nothing is ranked within an unknown one. */
        public int inMunicipality(@Nullable String oktmo) {
            return oktmo == null ? 0 : byMunicipality.getOrDefault(oktmo, 0);
        }
    }

    private record Key(long campaignId, int revision) {
    }

    private final Cache<Key, Counts> counts = Caffeine.newBuilder().maximumSize(20_000).build();
    private final Sql sql;

    RevisionCounts(Sql sql) {
        this.sql = sql;
    }

    /** Call within the reading transaction (the revision must exist in it). */
    public Counts of(long campaignId, int revision) {
        return counts.get(new Key(campaignId, revision), key -> read(key.campaignId(), key.revision()));
    }

    private Counts read(long campaignId, int revision) {
        Map<String, Integer> byType = new HashMap<>();
        Map<String, Integer> byMunicipality = new HashMap<>();
        int[] all = {0};
        sql.list("""
                SELECT GROUPING(type, oktmo) AS level, type, oktmo, count(*) AS n
                FROM result WHERE campaign_id = ? AND revision = ?
                GROUP BY GROUPING SETS ((), (type), (oktmo))""", List.of(campaignId, revision), row -> {
            int n = row.getInt("n");
            switch (row.getInt("level")) {
                case 3 -> all[0] = n;
                case 1 -> {
                    if (row.getString("type") != null) {
                        byType.put(row.getString("type"), n);
                    }
                }
                default -> {
                    if (row.getString("oktmo") != null) {
                        byMunicipality.put(row.getString("oktmo"), n);
                    }
                }
            }
            return n;
        });
        return new Counts(all[0], Map.copyOf(byType), Map.copyOf(byMunicipality));
    }
}
