package ru.noko.campaigns.upload;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Header normalization written as loops means exactly what the patterns it replaced meant, on short
 * headers made of the characters the patterns cared about (where the old patterns were still fast).
 */
class HeaderNormalizationPropertiesTest {

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.strings().withChars("\"'«»:*._ \t\r\n\u000B\f\u00A0\uFEFF\u2003kK15ёЁиИ№-").ofMaxLength(14);
    }

    @Property(tries = 500)
    void sameAsThePatterns(@ForAll("headers") String header) {
        assertEquals(withPatterns(header), UploadFields.normalize(header), "«" + header + "»");
    }

    /** The former implementation. */
    private static String withPatterns(String header) {
        String text = header.replace('\uFEFF', ' ').replace('\u00A0', ' ').toLowerCase(Locale.ROOT).replace('ё', 'е');
        text = text.replaceAll("[\\s_]+", " ").strip();
        text = text.replaceAll("^[\"'«]+|[\"'»:*.]+$", "").strip();
        if (text.matches("k[1-5]")) {
            text = "к" + text.substring(1);
        }
        return text;
    }
}
