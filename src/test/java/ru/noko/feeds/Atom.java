package ru.noko.feeds;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads a served document back with the JDK's namespace-aware parser (no DTDs) and checks what
 * RFC 4287 requires of a feed and its entries.
 */
final class Atom {

    static final String NS = "http://www.w3.org/2005/Atom";

    /** One entry as a test looks at it. */
    record Entry(String id, String title, String updated, String alternate, String related, String summary,
                 String author, String category) {

        long campaignId() {
            return Long.parseLong(related.substring(related.lastIndexOf('/') + 1));
        }
    }

    private Atom() {
    }

    static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The feed's entries, after checking the feed and every entry has what RFC 4287 §4.1 requires. */
    static List<Entry> entries(String xml, String selfUrl) {
        Element feed = parse(xml);
        assertEquals(NS, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertTrue(only(feed, "id").startsWith("tag:"), only(feed, "id"));
        assertFalse(only(feed, "title").isBlank());
        OffsetDateTime.parse(only(feed, "updated"));
        assertEquals(selfUrl, link(feed, "self"));
        assertNotNull(link(feed, "alternate"));
        List<Entry> entries = new ArrayList<>();
        for (Element entry : children(feed, "entry")) {
            String updated = only(entry, "updated");
            OffsetDateTime.parse(updated);
            OffsetDateTime.parse(only(entry, "published"));
            List<Element> authors = children(entry, "author");
            assertEquals(1, authors.size(), "one author");
            String category = children(entry, "category").get(0).getAttribute("term");
            entries.add(new Entry(only(entry, "id"), only(entry, "title"), updated, link(entry, "alternate"),
                    link(entry, "related"), only(entry, "summary"), only(authors.get(0), "name"), category));
        }
        assertTrue(entries.size() <= 50, "bounded to the latest 50");
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(OffsetDateTime.parse(entries.get(i).updated()).isAfter(OffsetDateTime.parse(entries.get(i - 1).updated())),
                    "newest first");
        }
        if (!entries.isEmpty()) {
            assertEquals(entries.get(0).updated(), only(feed, "updated"), "the feed is as new as its newest entry");
        }
        assertEquals(entries.size(), entries.stream().map(Entry::id).distinct().count(), "ids are unique");
        return entries;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    static String only(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        assertEquals(1, found.size(), "one <" + localName + "> in <" + parent.getLocalName() + ">");
        return found.get(0).getTextContent();
    }

    /** The href of the only link of that relation, or null. */
    static String link(Element parent, String rel) {
        String href = null;
        for (Element link : children(parent, "link")) {
            if (rel.equals(link.getAttribute("rel"))) {
                assertTrue(href == null, "one link rel=" + rel);
                href = link.getAttribute("href");
                assertTrue(href.startsWith("http://") || href.startsWith("https://"), "absolute: " + href);
            }
        }
        return href;
    }
}
