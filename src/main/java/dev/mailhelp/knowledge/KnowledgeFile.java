package dev.mailhelp.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads one file of the knowledge folder as text, refusing what is not a small UTF-8 text file
 * before anything parses it: a folder, a pipe or device (also behind a symlink), a file over the
 * size limit (checked before reading, so a 20 MB scalar costs nothing), UTF-16, binary data and
 * invalid UTF-8, each with the position and in plain words. Tabs in YAML indentation are reported
 * at their own line and column (the YAML parser reports them late, or lines away).
 */
public final class KnowledgeFile {

    /**
     * Largest file read: ten times the largest file the project ships (tree.yaml, about 85 KB),
     * far below what would make parsing slow or memory-hungry.
     */
    public static final long MAX_BYTES = 1024 * 1024;

    private KnowledgeFile() {
    }

    /** The text of {@code file} (shown as {@code name}), or empty with the problems recorded. */
    public static Optional<String> read(Path file, String name, Problems problems) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            problems.add(name, Position.UNKNOWN, Problems.problem("file-missing", "dir", String.valueOf(file.getParent())));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(name, Position.UNKNOWN, Problems.problem("unreadable", "detail", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        if (attributes.isDirectory()) {
            problems.add(name, Position.UNKNOWN, Problems.problem("is-folder"));
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            problems.add(name, Position.UNKNOWN, Problems.problem("not-regular"));
            return Optional.empty();
        }
        if (attributes.size() > MAX_BYTES) {
            problems.add(name, new Position(1, 1), Problems.problem("too-big", "size", String.valueOf(attributes.size()),
                    "max", String.valueOf(MAX_BYTES)));
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // never more than the limit, even if the file grew after its size was read
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            problems.add(name, Position.UNKNOWN, Problems.problem("unreadable", "detail", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(name, new Position(1, 1), Problems.problem("grew-too-big", "max", String.valueOf(MAX_BYTES)));
            return Optional.empty();
        }
        return decode(bytes, name, problems);
    }

    private static Optional<String> decode(byte[] bytes, String name, Problems problems) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            problems.add(name, new Position(1, 1), Problems.problem("utf16"));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            Position at = positionOfByte(bytes, in.position());
            problems.add(name, at, Problems.problem("not-utf8", "byte", String.format("0x%02X", bytes[in.position()] & 0xFF)));
            return Optional.empty();
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            problems.add(name, positionOfChar(text, nul), Problems.problem("nul"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A tab where YAML needs spaces (indentation) is reported where it is; true when there was one. */
    public static boolean tabsInIndentation(String text, String name, Problems problems) {
        int line = 1;
        int reported = 0;
        boolean indent = true;
        int column = 1;
        for (int i = 0; i < text.length() && reported < 5; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                indent = true;
                continue;
            }
            if (indent && c == '\t') {
                problems.add(name, new Position(line, column), Problems.problem("tab"));
                reported++;
                indent = false;
            } else if (c != ' ') {
                indent = false;
            }
            column++;
        }
        return reported > 0;
    }

    private static Position positionOfByte(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // columns count characters: continuation bytes of the line's UTF-8 sequences are not columns
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new Position(line, column);
    }

    private static Position positionOfChar(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, index - lineStart + 1);
    }
}
