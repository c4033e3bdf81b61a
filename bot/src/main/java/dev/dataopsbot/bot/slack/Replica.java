package dev.dataopsbot.bot.slack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This process among the {@code serve} replicas that share one store: its id names its claims on
 * the replies owed in Slack ({@code host-pid-random}: a restarted process is a new replica).
 *
 * @param sharesStore true on PostgreSQL, where other replicas may be running; on SQLite this
 *                    process is the only one that serves, so it takes every owed reply at start
 */
record Replica(String id, boolean sharesStore) {

    static Replica of(boolean sharesStore) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return new Replica(host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random), sharesStore);
    }
}
