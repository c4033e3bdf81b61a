package dev.dataopsbot.knowledge.summary;

/**
 * Lays out markdown blocks with exactly one blank line between them. It takes markdown, not
 * text: callers escape user text with {@link MarkdownText} first.
 */
final class MarkdownWriter {

    private enum Block { NONE, LIST, TABLE }

    private final StringBuilder out;
    private Block open = Block.NONE;

    MarkdownWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    MarkdownWriter title(String markdown) {
        return startBlock(Block.NONE).line("# " + markdown);
    }

    MarkdownWriter section(String name) {
        return startBlock(Block.NONE).line("## " + name);
    }

    MarkdownWriter paragraph(String markdown) {
        return startBlock(Block.NONE).line(markdown);
    }

    /** An item of a bullet list; items written one after another form one list. */
    MarkdownWriter item(String markdown) {
        if (open != Block.LIST) {
            startBlock(Block.LIST);
        }
        return line("- " + markdown);
    }

    /** A bold label and its value as a list item: {@code - **Status:** resolved}. */
    MarkdownWriter fact(String label, String markdown) {
        return item("**" + label + ":** " + markdown);
    }

    /** Starts a table; its rows follow with {@link #row}. */
    MarkdownWriter table(String... headers) {
        startBlock(Block.TABLE).row(headers);
        out.append('|');
        for (int i = 0; i < headers.length; i++) {
            out.append("---|");
        }
        out.append('\n');
        return this;
    }

    MarkdownWriter row(String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell).append(" |");
        }
        out.append('\n');
        return this;
    }

    private MarkdownWriter startBlock(Block block) {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        open = block;
        return this;
    }

    private MarkdownWriter line(String markdown) {
        out.append(markdown).append('\n');
        return this;
    }

    /** The document, ending with one newline. */
    @Override
    public String toString() {
        return out.toString();
    }
}
