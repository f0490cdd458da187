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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real XML Schema validation (javax.xml.validation) against our results.xsd and the official Types.xsd. */
final class Schemas {

    /** The official bus.gov.ru exchange schema ТФФ ГМУ 1.8.3, kept beside the repository. */
    static final Path OFFICIAL_TYPES = Path.of("../shared/reference/busgov-tff-1.8.3/Types.xsd");

    private static Schema official;

    private Schemas() {
    }

    static synchronized Schema official() {
        if (official == null) {
            if (!Files.isRegularFile(OFFICIAL_TYPES)) {
                throw new IllegalStateException("The official schema is expected at " + OFFICIAL_TYPES.toAbsolutePath()
                        + " (shared/ beside the repository)");
            }
            official = compile(new StreamSource(OFFICIAL_TYPES.toFile()));
        }
        return official;
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
