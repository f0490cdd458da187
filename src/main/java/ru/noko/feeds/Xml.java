package ru.noko.feeds;

import ru.noko.platform.text.XmlText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A small XML document written with the JDK's StAX writer, which escapes markup in text and
 * attributes; characters XML 1.0 cannot carry at all (control characters from operators' files)
 * are dropped by {@link XmlText#clean}, so no value can make the document ill-formed.
 */
final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter writer;

    Xml(String rootName, String namespace) {
        try {
            writer = FACTORY.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            out.write('\n');
            writer.writeStartElement(rootName);
            writer.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute of the element just opened (the root, right after construction). */
    Xml attribute(String name, String value) {
        try {
            writer.writeAttribute(name, XmlText.clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; attributes come as name, value pairs. */
    Xml start(String name, String... attributes) {
        try {
            writer.writeStartElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                writer.writeAttribute(attributes[i], XmlText.clean(attributes[i + 1]));
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml end() {
        try {
            writer.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element without children; attributes come as name, value pairs. */
    Xml empty(String name, String... attributes) {
        try {
            writer.writeEmptyElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                writer.writeAttribute(attributes[i], XmlText.clean(attributes[i + 1]));
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text. */
    Xml text(String name, String text, String... attributes) {
        start(name, attributes);
        try {
            writer.writeCharacters(XmlText.clean(text));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return end();
    }

    String finish() {
        try {
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.append('\n').toString();
    }

    /** RFC 3339 / W3C date-time in UTC, to the second, as Atom and sitemaps write it. */
    static String time(OffsetDateTime at) {
        return time(at.toInstant());
    }

    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
