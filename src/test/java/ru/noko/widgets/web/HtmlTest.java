package ru.noko.widgets.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class HtmlTest {

    @Test
    void textAndAttributesAreEscaped() {
        Html h = Html.document();
        h.open("p", "title", "\"><script>alert(1)</script>").text("<b>&'\"</b>").close();
        assertEquals("<!DOCTYPE html><p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
                + "&lt;b&gt;&amp;&#39;&quot;&lt;/b&gt;</p>", h.finish());
    }

    @Test
    void charactersXmlForbidsAreDropped() {
        assertEquals("a b c\uFFFD d", Html.escape("a\u0000b\u001Bc\uD800 d"));
        assertEquals("tab\tand\nnewline 😀", Html.escape("tab\tand\nnewline 😀"));
    }

    @Test
    void nullAttributesAreLeftOutAndEmptyOnesAreBare() {
        Html h = Html.document();
        h.empty("input", "type", "checkbox", "checked", "", "disabled", null);
        assertEquals("<!DOCTYPE html><input type=\"checkbox\" checked>", h.finish());
        Html svg = Html.svg();
        svg.open("svg").empty("rect", "width", "5").close();
        assertEquals("<svg><rect width=\"5\"/></svg>", svg.finish());
    }

    @Test
    void namesComeFromCodeAndElementsMustBeClosed() {
        assertThrows(IllegalArgumentException.class, () -> Html.document().open("p onclick=x"));
        assertThrows(IllegalArgumentException.class, () -> Html.document().open("p", "on click", "x"));
        assertThrows(IllegalStateException.class, () -> Html.document().open("div").finish());
        assertThrows(IllegalArgumentException.class, () -> Html.document().style("p{}</style><script>"));
    }

    @Test
    void onlyHttpWebsitesBecomeLinks() {
        assertNull(Html.safeExternalUrl("javascript:alert(1)"));
        assertNull(Html.safeExternalUrl("JavaScript://%0aalert(1)"));
        assertNull(Html.safeExternalUrl("data:text/html,<script>alert(1)</script>"));
        assertNull(Html.safeExternalUrl("https://user@evil.example/"));
        assertNull(Html.safeExternalUrl(" "));
        assertEquals("https://school5.example.ru/", Html.safeExternalUrl("https://school5.example.ru/"));
        assertEquals("https://school5.example.ru", Html.safeExternalUrl("school5.example.ru"));
        assertEquals("http://xn--5-7sb3aeo2d.xn--p1ai/%D1%81%D0%B2%D0%B5%D0%B4%D0%B5%D0%BD%D0%B8%D1%8F",
                Html.safeExternalUrl("http://школа5.рф/сведения"));
    }

    @Test
    void urlAttributesThatAreNotHttpOrOwnPathsAreNeverWritten() {
        for (String hostile : new String[]{"javascript:alert(1)", " javascript:alert(1)", "JAVASCRIPT:alert(1)",
                "data:text/html,<script>alert(1)</script>", "//evil.example/", "/\\evil.example", "/\t/evil.example",
                "vbscript:msgbox(1)", "https:///evil.example", ""}) {
            Html h = Html.document();
            h.element("a", "x", "href", hostile, "rel", "nofollow").empty("img", "src", hostile)
                    .open("form", "action", hostile).close();
            assertEquals("<!DOCTYPE html><a rel=\"nofollow\">x</a><img><form></form>", h.finish(), hostile);
        }
        Html h = Html.document();
        h.element("a", "x", "href", "/widgets?q=1").element("a", "y", "href", "HTTPS://school.example/about")
                .element("a", "z", "href", "#top");
        assertEquals("<!DOCTYPE html><a href=\"/widgets?q=1\">x</a><a href=\"HTTPS://school.example/about\">y</a>"
                + "<a href=\"#top\">z</a>", h.finish());
    }

    @Test
    void aLongWebsiteValueIsCheckedInLinearTime() {
        // an operator's upload sets the website; the host part used to give characters back one by one
        String hostile = "https://" + "a".repeat(40_000) + " x";
        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Html.safeExternalUrl(hostile)));
        String longPath = "https://school.example/" + "a".repeat(40_000);
        assertEquals(longPath, assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Html.safeExternalUrl(longPath)));
    }

    @Test
    void labelsFollowRussianAndEnglishUsage() {
        assertEquals("36\u00A0место", Labels.RU.place(36));
        assertEquals("среди 1046 организаций", Labels.RU.amongOrganizations(1046));
        assertEquals("среди 21 организации", Labels.RU.amongOrganizations(21));
        assertEquals("среди 11 организаций", Labels.RU.amongOrganizations(11));
        assertEquals("среди 45\u00A0000 организаций", Labels.RU.amongOrganizations(45_000));
        assertEquals("21st\u00A0place", Labels.EN.place(21));
        assertEquals("12th\u00A0place", Labels.EN.place(12));
        assertEquals("of 1,046 organizations", Labels.EN.amongOrganizations(1046));
        assertEquals("75,18", Labels.RU.score(75.175));
        assertEquals("100,00", Labels.RU.score(100));
        assertEquals("+2,31", Labels.RU.signedScore(2.314));
        assertEquals("\u22120,40", Labels.RU.signedScore(-0.4));
        assertEquals("0,00", Labels.RU.signedScore(0.001));
        assertEquals("75.18", Labels.EN.score(75.175));
    }
}
