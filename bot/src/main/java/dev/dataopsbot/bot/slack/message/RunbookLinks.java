package dev.dataopsbot.bot.slack.message;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Runbook references as mrkdwn: a link {@code <url|title>} under a base URL (a Git web view of the
 * runbook folder) when one is configured, else the title and the path in backticks.
 */
final class RunbookLinks {

    private final Optional<URI> base;

    /** @param base e.g. {@code https://git.example.com/runbooks/blob/main/}; a missing trailing slash is added */
    RunbookLinks(Optional<URI> base) {
        this.base = base.map(RunbookLinks::asFolder);
    }

    String mrkdwn(String title, String path) {
        String name = BlockText.safe(title.isBlank() ? path : title, 150);
        Optional<URI> url = base.flatMap(folder -> resolve(folder, path));
        return url.map(u -> "<" + BlockText.escape(u.toASCIIString()) + "|" + name + ">")
                .orElseGet(() -> name + " " + Code.inline(path));
    }

    private static Optional<URI> resolve(URI folder, String path) {
        String relative = path.strip().replace('\\', '/').replaceFirst("^/+", "");
        try {
            return Optional.of(folder.resolve(new URI(null, null, "./" + relative, null)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URI asFolder(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return path.endsWith("/") ? uri : uri.resolve(path + "/");
    }
}
