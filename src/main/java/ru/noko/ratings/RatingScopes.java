package ru.noko.ratings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ru.noko.platform.web.PublicSnapshots;

import java.time.Duration;
import java.util.OptionalLong;

import jakarta.inject.Singleton;
import ru.noko.campaigns.CampaignFilter;
import ru.noko.campaigns.CampaignQueries;
import ru.noko.campaigns.PublishedCampaign;
import ru.noko.catalog.Region;
import ru.noko.catalog.RegionRepository;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves ratings parameters to exactly one published campaign. Without a year the latest
 * matching year is taken; when a year has several campaigns (a school and a preschool one, say)
 * and no type says which, the client is asked to choose rather than given a mixed ranking.
 */
@Singleton
public class RatingScopes {

    private record Key(long version, String region, Integer year, String type, String municipality) {
    }

    private final RegionRepository regions;
    private final CampaignQueries campaigns;
    private final RatingQueries queries;
    /** Resolutions read in a public snapshot, under its data version: published data of a version never changes. */
    private final Cache<Key, RatingScope> resolved = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    public RatingScopes(RegionRepository regions, CampaignQueries campaigns, RatingQueries queries) {
        this.regions = regions;
        this.campaigns = campaigns;
        this.queries = queries;
    }

    public RatingScope resolve(String regionCode, Integer year, String type, String municipality) {
        OptionalLong version = PublicSnapshots.snapshotVersion();
        if (version.isEmpty()) {
            return read(regionCode, year, type, municipality);
        }
        return resolved.get(new Key(version.getAsLong(), regionCode, year, type, municipality),
                key -> read(regionCode, year, type, municipality));
    }

    private RatingScope read(String regionCode, Integer year, String type, String municipality) {
        Region region = regions.findByCode(regionCode)
                .orElseThrow(() -> ApiProblemException.notFound("No region with code " + regionCode));
        String municipalityName = null;
        if (municipality != null) {
            RatingQueries.MunicipalityName found = queries.findMunicipality(municipality)
                    .filter(m -> m.regionCode().equals(regionCode))
                    .orElseThrow(() -> ApiProblemException.notFound(
                            "No municipality with ОКТМО " + municipality + " in region " + regionCode));
            municipalityName = found.name();
        }
        List<PublishedCampaign> matching = campaigns.findAllPublished(new CampaignFilter(regionCode, year, type));
        if (matching.isEmpty()) {
            throw ApiProblemException.notFound("No published campaign in region " + regionCode
                    + (year == null ? "" : " in " + year) + (type == null ? "" : " for type " + type));
        }
        int chosenYear = matching.stream().mapToInt(PublishedCampaign::year).max().orElseThrow();
        List<PublishedCampaign> inYear = matching.stream().filter(c -> c.year() == chosenYear).toList();
        if (inYear.size() > 1) {
            throw ambiguous(regionCode, chosenYear, type, inYear);
        }
        return new RatingScope(inYear.get(0), region.name(), type, municipality, municipalityName);
    }

    private static ApiProblemException ambiguous(String region, int year, String type, List<PublishedCampaign> campaigns) {
        if (type == null) {
            String types = campaigns.stream().flatMap(c -> c.types().stream()).distinct().sorted()
                    .collect(Collectors.joining(", "));
            return ApiProblemException.invalid("Region " + region + " has " + campaigns.size()
                    + " published campaigns in " + year + "; choose one with type",
                    List.of(FieldProblem.ofField("type", null, "choose_type",
                            "В " + year + " году в регионе несколько кампаний; укажите тип организаций: " + types)));
        }
        String ids = campaigns.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(", "));
        return ApiProblemException.invalid("Region " + region + " has " + campaigns.size() + " published campaigns of type "
                + type + " in " + year + "; read them one by one at /api/v1/campaigns/{id}/results",
                List.of(FieldProblem.ofField("type", type, "several_campaigns",
                        "Несколько кампаний этого типа в " + year + " году: " + ids)));
    }
}
