package dev.dataopsbot.rules.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One error-code catalogue file: where its list came from, how its codes are found, and its
 * entries. Immutable once parsed.
 *
 * @param name    the file name without {@code .tsv}, used in evidence ({@code catalogue postgresql-sqlstate: 57014})
 * @param file    the file as the user named it, for messages
 * @param pattern for {@link MatchKind#PATTERN}: the regex whose first non-null group is the code
 * @param context for {@link MatchKind#TOKEN}: where plain-word codes count (null: nowhere)
 * @param requires for {@link MatchKind#PATTERN}: words a line must have one of before the regex
 *                 runs (a speed gate, like the word gates of the rules); empty runs it on every line
 */
public record CodeCatalogue(String name, String file, String title, String system, List<String> sources,
                            String licence, MatchKind kind, Pattern pattern, Pattern context,
                            List<CatalogueEntry> entries, List<String> requires) {

    public CodeCatalogue {
        sources = List.copyOf(sources);
        entries = List.copyOf(entries);
        requires = List.copyOf(requires);
    }

    /** Exact entries by code. */
    Map<String, CatalogueEntry> exact() {
        Map<String, CatalogueEntry> exact = new LinkedHashMap<>();
        entries.stream().filter(e -> !e.isPrefix()).forEach(e -> exact.put(e.code(), e));
        return exact;
    }

    /** Class entries ({@code 08*}), longest prefix first. */
    List<CatalogueEntry> prefixes() {
        List<CatalogueEntry> prefixes = new ArrayList<>(entries.stream().filter(CatalogueEntry::isPrefix).toList());
        prefixes.sort(Comparator.comparingInt((CatalogueEntry e) -> e.code().length()).reversed());
        return prefixes;
    }

    /** For a pattern catalogue: the code the regex captures, or empty. */
    Optional<String> capture(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            String code = matcher.group(group);
            if (code != null) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
