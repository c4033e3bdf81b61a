package dev.dataopsbot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.knowledge.incident.TeamCase;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * A team case as JSON: the shape of a case file line ({@code id}, {@code system},
 * {@code family}, {@code mode}, {@code text}, {@code source}) plus where it came from, so that
 * {@code cases export} output is also valid {@code cases import} input.
 */
final class TeamCaseJson {

    static final String FAMILY = "team";

    private final ObjectMapper mapper;

    TeamCaseJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode of(TeamCase c) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", c.key())
                .put("system", c.system())
                .put("family", FAMILY)
                .put("mode", c.mode())
                .put("text", c.text())
                .put("source", c.provenance())
                .put("origin", c.origin())
                .put("added_by", c.addedBy())
                .put("added_at", UtcTimestamps.format(c.addedAt()));
        if (c.incident() == null) {
            node.putNull("incident");
        } else {
            node.put("incident", c.incident().toString());
        }
        return node;
    }

    /** {@code cases show --json}: the case with its note. */
    ObjectNode show(TeamCase c) {
        return of(c).put("note", c.note());
    }
}
