package ru.noko.busgov;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Real XML Schema validation (javax.xml.validation) against our results.xsd and the official Types.xsd. */
final class Schemas {

    /**
     * The official bus.gov.ru exchange schema ТФФ ГМУ 1.8.3 (Types.xsd as published for the 1.8.3
     * exchange formats), vendored unchanged under src/test/resources; see the README there.
     */
    static final String OFFICIAL_TYPES = "/busgov-tff-1.8.3/Types.xsd";

    private static Schema official;

    private Schemas() {
    }

    static synchronized Schema official() {
        if (official == null) {
            java.net.URL types = Schemas.class.getResource(OFFICIAL_TYPES);
            if (types == null) {
                throw new IllegalStateException("The official schema is missing from the test resources: " + OFFICIAL_TYPES);
            }
            official = compile(new StreamSource(types.toExternalForm()));
        }
        return official;
    }

    static byte[] officialBytes() {
        try (java.io.InputStream in = Schemas.class.getResourceAsStream(OFFICIAL_TYPES)) {
            if (in == null) {
                throw new IllegalStateException("The official schema is missing from the test resources: " + OFFICIAL_TYPES);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema of(byte[] xsd) {
        return compile(new StreamSource(new ByteArrayInputStream(xsd)));
    }

    /** Every validation error of the document; empty when it is valid. */
    static List<String> errors(Schema schema, byte[] xml) {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private static Schema compile(StreamSource source) {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(source);
        } catch (SAXException e) {
            throw new IllegalStateException("Schema does not compile: " + e.getMessage(), e);
        }
    }
}
