package ru.noko.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An independent, deliberately plain transcription of METHODOLOGY.md §2 used as the test oracle
 * for the calculator endpoint. All denominators are positive here; zero rules are tested apart.
 */
final class ReferenceFormulas {

    static final List<String> INPUTS = List.of("stand_items_present", "stand_items_required", "site_items_present",
            "site_items_required", "remote_channels", "comfort_conditions", "disability_premises_conditions",
            "disability_service_conditions", "recipients", "respondents", "used_stand", "satisfied_stand", "used_site",
            "satisfied_site", "satisfied_comfort", "respondents_disabled", "satisfied_accessibility",
            "satisfied_first_contact", "satisfied_service_staff", "used_remote", "satisfied_remote", "would_recommend",
            "satisfied_schedule", "satisfied_overall");

    private ReferenceFormulas() {
    }

    static Map<String, Long> randomConsistentInputs(Random random) {
        Map<String, Long> in = new LinkedHashMap<>();
        long standRequired = 10 + random.nextInt(20);
        long siteRequired = 20 + random.nextInt(40);
        in.put("stand_items_present", (long) random.nextInt((int) standRequired + 1));
        in.put("stand_items_required", standRequired);
        in.put("site_items_present", (long) random.nextInt((int) siteRequired + 1));
        in.put("site_items_required", siteRequired);
        in.put("remote_channels", (long) random.nextInt(7));
        in.put("comfort_conditions", (long) random.nextInt(6));
        in.put("disability_premises_conditions", (long) random.nextInt(6));
        in.put("disability_service_conditions", (long) random.nextInt(7));
        long respondents = 20 + random.nextInt(580);
        in.put("recipients", respondents + random.nextInt((int) respondents));
        in.put("respondents", respondents);
        long usedStand = 1 + random.nextInt((int) respondents);
        long usedSite = 1 + random.nextInt((int) respondents);
        long disabled = 1 + random.nextInt((int) Math.max(1, respondents / 10));
        long usedRemote = 1 + random.nextInt((int) respondents);
        in.put("used_stand", usedStand);
        in.put("satisfied_stand", upTo(random, usedStand));
        in.put("used_site", usedSite);
        in.put("satisfied_site", upTo(random, usedSite));
        in.put("satisfied_comfort", upTo(random, respondents));
        in.put("respondents_disabled", disabled);
        in.put("satisfied_accessibility", upTo(random, disabled));
        in.put("satisfied_first_contact", upTo(random, respondents));
        in.put("satisfied_service_staff", upTo(random, respondents));
        in.put("used_remote", usedRemote);
        in.put("satisfied_remote", upTo(random, usedRemote));
        in.put("would_recommend", upTo(random, respondents));
        in.put("satisfied_schedule", upTo(random, respondents));
        in.put("satisfied_overall", upTo(random, respondents));
        return in;
    }

    static Map<String, Double> indicators(Map<String, Long> in, boolean allRespondents) {
        double r = in.get("respondents");
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("1.1", 0.5 * (share(in, "stand_items_present", in.get("stand_items_required"))
                + share(in, "site_items_present", in.get("site_items_required"))) * 100);
        out.put("1.2", Math.min(100, 30.0 * in.get("remote_channels")));
        out.put("1.3", 0.5 * (share(in, "satisfied_stand", allRespondents ? r : in.get("used_stand"))
                + share(in, "satisfied_site", allRespondents ? r : in.get("used_site"))) * 100);
        out.put("2.1", Math.min(100, 20.0 * in.get("comfort_conditions")));
        out.put("2.3", share(in, "satisfied_comfort", r) * 100);
        out.put("3.1", Math.min(100, 20.0 * in.get("disability_premises_conditions")));
        out.put("3.2", Math.min(100, 20.0 * in.get("disability_service_conditions")));
        // Приказ № 344н: Пдост = Удост / Чинв × 100, Чинв the respondents with a disability, in either reading.
        out.put("3.3", share(in, "satisfied_accessibility", in.get("respondents_disabled")) * 100);
        out.put("4.1", share(in, "satisfied_first_contact", r) * 100);
        out.put("4.2", share(in, "satisfied_service_staff", r) * 100);
        out.put("4.3", share(in, "satisfied_remote", allRespondents ? r : in.get("used_remote")) * 100);
        out.put("5.1", share(in, "would_recommend", r) * 100);
        out.put("5.2", share(in, "satisfied_schedule", r) * 100);
        out.put("5.3", share(in, "satisfied_overall", r) * 100);
        return out;
    }

    static Map<String, Double> criteria(Map<String, Double> i) {
        Map<String, Double> k = new LinkedHashMap<>();
        k.put("K1", 0.3 * i.get("1.1") + 0.3 * i.get("1.2") + 0.4 * i.get("1.3"));
        k.put("K2", 0.5 * i.get("2.1") + 0.5 * i.get("2.3"));
        k.put("K3", 0.3 * i.get("3.1") + 0.4 * i.get("3.2") + 0.3 * i.get("3.3"));
        k.put("K4", 0.4 * i.get("4.1") + 0.4 * i.get("4.2") + 0.2 * i.get("4.3"));
        k.put("K5", 0.3 * i.get("5.1") + 0.2 * i.get("5.2") + 0.5 * i.get("5.3"));
        return k;
    }

    static double total(Map<String, Double> k) {
        return (k.get("K1") + k.get("K2") + k.get("K3") + k.get("K4") + k.get("K5")) / 5;
    }

    private static double share(Map<String, Long> in, String numerator, double denominator) {
        return in.get(numerator) / denominator;
    }

    private static long upTo(Random random, long max) {
        return max - random.nextInt((int) Math.max(1, max / 3 + 1));
    }
}
