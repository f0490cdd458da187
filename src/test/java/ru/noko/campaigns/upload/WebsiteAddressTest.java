package ru.noko.campaigns.upload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WebsiteAddressTest {

    @Test
    void httpAndHttpsAddressesAreKept() {
        assertEquals("https://school5.example.ru/", WebsiteAddress.normalize("https://school5.example.ru/"));
        assertEquals("http://school5.example.ru:8080/about?x=1#top",
                WebsiteAddress.normalize(" http://school5.example.ru:8080/about?x=1#top "));
        assertEquals("HTTPS://School5.Example.RU", WebsiteAddress.normalize("HTTPS://School5.Example.RU"));
        assertEquals("http://школа5.рф/сведения", WebsiteAddress.normalize("http://школа5.рф/сведения"));
        assertEquals("https://xn--5-7sb3aeo2d.xn--p1ai", WebsiteAddress.normalize("https://xn--5-7sb3aeo2d.xn--p1ai"));
    }

    @Test
    void aBareHostIsReadAsHttps() {
        assertEquals("https://school5.example.ru", WebsiteAddress.normalize("school5.example.ru"));
        assertEquals("https://www.sch-2.ru/about", WebsiteAddress.normalize("www.sch-2.ru/about"));
        assertEquals("https://школа2.рф/about", WebsiteAddress.normalize("школа2.рф/about"));
    }

    @Test
    void everythingElseIsRefused() {
        for (String hostile : new String[]{"javascript:alert(1)", "JavaScript://%0aalert(1)", "javascript://school.ru/%0aalert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/login",
                "https://user@evil.example/", "https://school.ru@evil.example/", "ftp://school.ru/", "mailto:school@example.ru",
                "https://", "https:///evil.example", "http://localhost/", "https://192.168.0.1/", "нет сайта",
                "school", "https://school .ru", "https://school.ru/a b", "https:\\\\evil.example", "school.ru:alert(1)",
                "https://evil.example\u0000.ru", "https://-school.ru", "https://school.ru/<script>"}) {
            assertNull(WebsiteAddress.normalize(hostile), hostile);
        }
    }
}
