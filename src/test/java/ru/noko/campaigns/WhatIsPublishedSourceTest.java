package ru.noko.campaigns;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "What is published" is written once, in the published_campaign and published_result views
 * (migration V9): no other source spells the condition, and only the paths that must see drafts,
 * retracted campaigns or earlier revisions read the campaign and result tables themselves.
 */
class WhatIsPublishedSourceTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    /** The condition itself: a campaign's status compared with 'published', or a join on its published revision. */
    private static final Pattern CONDITION = Pattern.compile(
            "status\\s*(=|IN\\s*\\()\\s*'published'|\\.revision\\s*=\\s*\\w+\\.published_revision"
                    + "|published_revision\\s*=\\s*\\w+\\.revision", Pattern.CASE_INSENSITIVE);

    /**
     * SQL reading the campaign or result table (not the views, not campaign_revision), except the rest
     * of a published row's own revision, read by its key (how many were ranked with it).
     */
    private static final Pattern BASE_TABLES = Pattern.compile("\\b(FROM|JOIN)\\s+(result|campaign)\\b"
            + "(?!\\s+x\\s+WHERE\\s+x\\.campaign_id\\s*=\\s*r\\.campaign_id\\s+AND\\s+x\\.revision\\s*=\\s*r\\.revision\\b)");

    private static final Map<String, String> MAY_STATE_THE_CONDITION = Map.of(
            "RevisionPublisher", "publishing sets the status and the published revision",
            "CampaignQueries", "the page of one campaign, which a retracted campaign keeps");

    private static final Map<String, String> MAY_READ_BASE_TABLES = Map.ofEntries(
            Map.entry("CampaignRepository", "operators' side: campaigns of every status"),
            Map.entry("RevisionPublisher", "writes a new revision"),
            Map.entry("PlaceRanking", "ranks a revision while it is being published"),
            Map.entry("Revisions", "the revision history: every revision of a campaign, by design"),
            Map.entry("CampaignQueries", "the page of one campaign, which a retracted campaign keeps"),
            Map.entry("BusGovData", "tells drafts and retracted campaigns apart to refuse their export"),
            Map.entry("BusGovFounders", "operators' side: the founder's fields of a campaign of any status"),
            Map.entry("StagedRows", "operators' side: an upload compared with the revision it would replace"),
            Map.entry("ReleaseOnPublish", "names the changed campaign, retracted too, in a release's provenance"),
            Map.entry("ResultsDataset", "open-data versions: the revisions a release froze"),
            Map.entry("OrganizationsDataset", "open-data versions: the revisions a release froze"),
            Map.entry("IndicatorsDataset", "open-data versions: the revisions a release froze"),
            Map.entry("TakedownImpact", "open-data versions: the revisions a release froze"),
            Map.entry("FeedEvents", "the feeds' history: every published revision and retraction, retracted campaigns too"),
            Map.entry("RevisionCounts", "how many a revision ranked, by its key, which callers take from a published row"),
            Map.entry("CampaignReach", "whose pages a publish or a retraction changes: every revision of the campaign"));

    @Test
    void onlyTheViewsSayWhatIsPublished() throws IOException {
        assertEquals(List.of(), findings(CONDITION, MAY_STATE_THE_CONDITION),
                "read published_campaign or published_result instead of writing the condition again");
    }

    @Test
    void publicReadersReadTheViewsNotTheTables() throws IOException {
        assertEquals(List.of(), findings(BASE_TABLES, MAY_READ_BASE_TABLES),
                "public readers read published_campaign and published_result; a path that must see unpublished"
                        + " data belongs on the list, with the reason");
    }

    @Test
    void thePatternsFindWhatTheyLookFor() {
        assertTrue(CONDITION.matcher("WHERE c.status = 'published'").find());
        assertTrue(CONDITION.matcher("JOIN campaign c ON c.id = r.campaign_id AND c.published_revision = r.revision").find());
        assertTrue(CONDITION.matcher("WHERE x.revision = c.published_revision").find());
        assertTrue(BASE_TABLES.matcher("SELECT 1 FROM result r").find());
        assertTrue(BASE_TABLES.matcher("FROM published_result r JOIN campaign c ON").find());
        assertFalse(BASE_TABLES.matcher("FROM published_result r JOIN campaign_revision cr ON").find());
        assertFalse(BASE_TABLES.matcher("(SELECT count(*) FROM result x WHERE x.campaign_id = r.campaign_id AND x.revision = r.revision)").find());
        assertTrue(BASE_TABLES.matcher("(SELECT count(*) FROM result x WHERE x.campaign_id = r.campaign_id)").find());
    }

    /** "Class:line: text" of every match outside the allowed classes. */
    private static List<String> findings(Pattern pattern, Map<String, String> allowed) throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the project directory: " + SOURCES.toAbsolutePath());
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (allowed.containsKey(name)) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    long line = text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                    findings.add(name + ":" + line + ": " + matcher.group().replaceAll("\\s+", " "));
                }
            }
        }
        return findings;
    }
}
