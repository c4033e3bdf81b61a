package dev.dataopsbot.bot;

import dev.dataopsbot.bot.cli.CliContext;
import dev.dataopsbot.bot.cli.DataopsBotCommand;
import org.slf4j.LoggerFactory;

/** Entry point of {@code dataops-bot.jar}: builds the command line from the real environment. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // initialise logging once, before any worker thread logs: concurrent first calls make SLF4J
        // print "replaying intercepted calls" warnings
        LoggerFactory.getILoggerFactory();
        CliContext context = new CliContext(System.getenv(), System.in, System.out, System.err);
        int code = DataopsBotCommand.commandLine(context).execute(args);
        System.out.flush();
        System.exit(code);
    }
}
