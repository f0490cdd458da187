package ru.noko.opendata;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One edition of a dataset's data version. Edition 1 is the file its release made. When a legal
 * takedown changes the file's rows, edition N+1 is generated from the same frozen release without
 * the campaigns of every takedown up to the one that made it, and named by the version with the
 * suffix {@code -N+1} ({@code data-20261201T120000-2-structure-20261123.csv}). A new name, so that
 * a named file never changes its bytes and the withdrawn one can answer 410 Gone; the same version
 * in front, so that the edition keeps its place in the chronology of versions.
 *
 * @param takedowns the takedowns that made editions 2…N, in order (empty for edition 1)
 */
public record Edition(Release release, List<CampaignTakedown> takedowns) {

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public Edition {
        takedowns = List.copyOf(takedowns);
    }

    static Edition first(Release release) {
        return new Edition(release, List.of());
    }

    public int number() {
        return takedowns.size() + 1;
    }

    /** The version as file names carry it: {@code YYYYMMDDTHHMMSS} or {@code YYYYMMDDTHHMMSS-N}. */
    String version() {
        return number() == 1 ? release.version() : release.version() + "-" + number();
    }

    /** When this file was made: its release, or the takedown that re-issued it. */
    public OffsetDateTime madeAt() {
        return takedowns.isEmpty() ? release.createdAt() : takedowns.get(takedowns.size() - 1).at();
    }

    /** Campaigns of takedowns with ids up to this are left out of the file; 0 leaves nothing out. */
    long excludedUpTo() {
        return takedowns.isEmpty() ? 0 : takedowns.get(takedowns.size() - 1).id();
    }

    /** The takedown that withdrew the given earlier edition of this version. */
    public CampaignTakedown withdrawalOf(int edition) {
        return takedowns.get(edition - 1);
    }

    Edition next(CampaignTakedown takedown) {
        List<CampaignTakedown> all = new ArrayList<>(takedowns);
        all.add(takedown);
        return new Edition(release, all);
    }

    /** The release's provenance, then what each takedown withdrew, when and why. */
    String provenance() {
        StringBuilder text = new StringBuilder(release.provenance());
        for (CampaignTakedown takedown : takedowns) {
            text.append("; переиздано ").append(RUSSIAN_DATE.format(takedown.at().withOffsetSameInstant(ZoneOffset.UTC)))
                    .append(" без данных кампании № ").append(takedown.campaignId())
                    .append(" (основание: ").append(takedown.reason()).append(')');
        }
        return text.toString();
    }
}
