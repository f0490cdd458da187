package ru.noko.feeds;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class XmlTest {

    @Test
    void charactersXmlCannotCarryAreDroppedAndMarkupIsEscaped() {
        Xml xml = new Xml("feed", Atom.NS);
        xml.text("title", "a\u0001b\u0000c\uFFFEd\uD800e 😀 <&>\"", "label", "x\u0007\"<y>&");
        String document = xml.finish();
        var root = Atom.parse(document);
        assertEquals("abcde 😀 <&>\"", Atom.only(root, "title"));
        assertEquals("x\"<y>&", Atom.children(root, "title").get(0).getAttribute("label"));
    }
}
