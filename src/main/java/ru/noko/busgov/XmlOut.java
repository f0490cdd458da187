package ru.noko.busgov;

import ru.noko.platform.text.XmlText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small indenting layer over the JDK's StAX writer, which does all the escaping ({@code &}, {@code <},
 * {@code >} in text, quotes in attributes). Every element is in the document's default namespace.
 * Text and attribute values are passed through {@link XmlText#clean}. Output: UTF-8, two-space
 * indentation, {@code \n} line ends, a final newline — the same bytes for the same calls.
 */
final class XmlOut implements AutoCloseable {

    /** The JDK's own implementation, whatever StAX provider happens to be on the classpath. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLStreamWriter xml;
    private final OutputStream out;
    /** Per open element: whether it has child elements (then its end tag goes on a line of its own). */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    XmlOut(OutputStream out) {
        this.out = out;
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The root element with its default namespace and, optionally, an xsi:schemaLocation hint. */
    XmlOut root(String name, String namespace, String schemaLocation) {
        try {
            newline(0);
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
            if (schemaLocation != null) {
                xml.writeNamespace("xsi", XSI);
                xml.writeAttribute("xsi", XSI, "schemaLocation", namespace + " " + schemaLocation);
            }
            open.push(new boolean[] {false});
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut start(String name) {
        try {
            markParent();
            newline(open.size());
            xml.writeStartElement(name);
            open.push(new boolean[] {false});
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute of the element just started; nothing is written when {@code value} is null. */
    XmlOut attribute(String name, String value) {
        if (value == null) {
            return this;
        }
        try {
            xml.writeAttribute(name, XmlText.clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text; nothing is written when {@code text} is null. */
    XmlOut leaf(String name, String text) {
        if (text == null) {
            return this;
        }
        try {
            markParent();
            newline(open.size());
            xml.writeStartElement(name);
            xml.writeCharacters(XmlText.clean(text));
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut leaf(String name, Object value) {
        return leaf(name, value == null ? null : value.toString());
    }

    /** Text content of the element just started (call before any child). */
    XmlOut text(String text) {
        try {
            xml.writeCharacters(XmlText.clean(text));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut end() {
        try {
            boolean[] hasChildren = open.pop();
            if (hasChildren[0]) {
                newline(open.size());
            }
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the document; the underlying stream stays open (it may be a ZIP entry). */
    @Override
    public void close() {
        try {
            while (!open.isEmpty()) {
                end();
            }
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void markParent() {
        if (!open.isEmpty()) {
            open.peek()[0] = true;
        }
    }

    private void newline(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
