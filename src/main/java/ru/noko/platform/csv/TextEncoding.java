package ru.noko.platform.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding of a text file as operators produce it: a byte-order mark decides; otherwise the
 * file is UTF-8 when the whole of it decodes as strict UTF-8, else Windows-1251 (Russian Excel's
 * «CSV (разделители — запятые)»). Cyrillic in Windows-1251 is almost never valid UTF-8, so the
 * strict check is a reliable test. Reads the file once, in 64 KB chunks; also counts line breaks.
 */
public record TextEncoding(Charset charset, int bomLength, long lineBreaks, long bytes) {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    public boolean bom() {
        return bomLength > 0;
    }

    /** Name as reported to operators: {@code UTF-8}, {@code windows-1251}, {@code UTF-16LE}. */
    public String displayName() {
        return charset.name();
    }

    public static TextEncoding detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            Charset bomCharset = null;
            int bomLength = 0;
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                bomCharset = StandardCharsets.UTF_8;
                bomLength = 3;
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                bomCharset = StandardCharsets.UTF_16LE;
                bomLength = 2;
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                bomCharset = StandardCharsets.UTF_16BE;
                bomLength = 2;
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            boolean validUtf8 = true;
            long lineBreaks = 0;
            long bytes = head.length;
            ByteBuffer input = ByteBuffer.allocate(64 * 1024 + 8);
            CharBuffer output = CharBuffer.allocate(64 * 1024 + 8);
            input.put(head, bomLength == 3 ? 3 : 0, bomLength == 3 ? 0 : head.length);
            for (byte b : head) {
                if (b == '\n') {
                    lineBreaks++;
                }
            }
            byte[] chunk = new byte[64 * 1024];
            int read;
            boolean end = false;
            while (!end) {
                read = in.read(chunk);
                if (read < 0) {
                    end = true;
                } else {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (chunk[i] == '\n') {
                            lineBreaks++;
                        }
                    }
                    if (validUtf8 && bomCharset == null) {
                        input.put(chunk, 0, read);
                    }
                }
                if (validUtf8 && bomCharset == null) {
                    input.flip();
                    CoderResult result = utf8.decode(input, output, end);
                    if (result.isError()) {
                        validUtf8 = false;
                    }
                    output.clear();
                    input.compact();
                }
            }
            if (validUtf8 && bomCharset == null) {
                input.flip();
                if (input.hasRemaining() || utf8.flush(output).isError()) {
                    validUtf8 = false;
                }
            }
            Charset charset = bomCharset != null ? bomCharset : validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1251;
            return new TextEncoding(charset, bomLength, lineBreaks, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strict UTF-8 check of a byte array (for small inputs). */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
