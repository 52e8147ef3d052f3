package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.knowledge.Position;
import dev.mailhelp.knowledge.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The lists of {@code knowledge/blocklists.yaml}, loaded and checked. */
public record BlocklistCatalogue(List<Blocklist> lists) {

    public static final String FILE_NAME = "blocklists.yaml";

    public BlocklistCatalogue {
        lists = List.copyOf(lists);
        Set<String> ids = new HashSet<>();
        for (Blocklist b : lists) {
            if (!ids.add(b.id())) {
                throw new BlocklistDataException("id", "id-twice", "id", b.id());
            }
        }
    }

    /**
     * Loads a catalogue file.
     *
     * @throws CatalogueException with {@code file:line:column: path: what is wrong; what is expected}
     */
    public static BlocklistCatalogue load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CatalogueException(file + ": file not found (the blocklist catalogue is knowledge/" + FILE_NAME + ")", e);
        } catch (IOException e) {
            throw new CatalogueException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses catalogue text; {@code source} names it in the problems.
     *
     * @throws CatalogueException with every problem of the text, each with its line and column
     */
    public static BlocklistCatalogue parse(String text, String source) {
        Problems problems = new Problems();
        return CatalogueReader.read(text, source, problems).orElseThrow(() -> new CatalogueException(problems.list()));
    }

    /**
     * Reads {@value #FILE_NAME} of a knowledge folder, recording every problem (file:line:column)
     * in {@code problems}; empty when there is any.
     */
    public static Optional<BlocklistCatalogue> read(Path knowledgeDir, Problems problems) {
        Path file = knowledgeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            problems.add(FILE_NAME, Position.UNKNOWN, dev.mailhelp.knowledge.Problems.problem("file-missing",
                    "dir", String.valueOf(knowledgeDir)));
            return Optional.empty();
        }
        try {
            return CatalogueReader.read(Files.readString(file, StandardCharsets.UTF_8), FILE_NAME, problems);
        } catch (IOException e) {
            problems.add(FILE_NAME, Position.UNKNOWN, dev.mailhelp.knowledge.Problems.problem("unreadable",
                    "detail", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    public Optional<Blocklist> byId(String id) {
        return lists.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The lists to query when the user did not pick any: those marked default-on whose key (if needed) is set. */
    public List<Blocklist> defaults(Map<String, String> env) {
        return lists.stream().filter(Blocklist::defaultOn).filter(b -> b.usable(env)).collect(Collectors.toList());
    }

    public List<Blocklist> ofKind(Blocklist.Kind kind) {
        return lists.stream().filter(b -> b.kind() == kind).collect(Collectors.toList());
    }
}
