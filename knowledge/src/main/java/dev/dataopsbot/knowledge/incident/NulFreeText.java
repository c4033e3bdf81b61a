package dev.dataopsbot.knowledge.incident;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * PostgreSQL refuses the NUL character in text ({@code invalid byte sequence for encoding "UTF8":
 * 0x00}), which binary or hostile input can carry. On a PostgreSQL connection every text bound to
 * a statement has each NUL replaced by U+FFFD, the character a decoder puts for bytes that are not
 * text, so the alert is stored (and answered) instead of refused. SQLite stores NUL as it is.
 */
final class NulFreeText {

    static final char REPLACEMENT = '\uFFFD';

    private NulFreeText() {
    }

    /** {@code connection}, whose prepared statements bind text without NUL. */
    static Connection wrap(Connection connection) {
        return proxy(Connection.class, (self, method, args) -> {
            Object result = invoke(connection, method, args);
            return result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
                    ? statement(statement) : result;
        });
    }

    /** {@code statement}, whose {@code setString} and {@code setObject} of a text bind it without NUL. */
    private static PreparedStatement statement(PreparedStatement statement) {
        return proxy(PreparedStatement.class, (self, method, args) -> {
            if ((method.getName().equals("setString") || method.getName().equals("setObject"))
                    && args != null && args.length >= 2 && args[1] instanceof String text) {
                args[1] = clean(text);
            }
            return invoke(statement, method, args);
        });
    }

    /** {@code text} with each NUL, and in JSON text each escaped NUL ({@code \u0000}), replaced. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.indexOf('\0') < 0 ? text : text.replace('\0', REPLACEMENT);
        return looksLikeJson(cleaned) ? withoutEscapedNul(cleaned) : cleaned;
    }

    private static boolean looksLikeJson(String text) {
        return !text.isEmpty() && (text.charAt(0) == '{' || text.charAt(0) == '[');
    }

    /** JSON's escape of NUL, which jsonb refuses too: the {@code \u0000} after an odd number of backslashes. */
    private static String withoutEscapedNul(String json) {
        int at = json.indexOf("u0000");
        if (at < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        int from = 0;
        for (; at >= 0; at = json.indexOf("u0000", at + 1)) {
            int backslashes = 0;
            while (at - backslashes - 1 >= 0 && json.charAt(at - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                out.append(json, from, at).append("ufffd");
                from = at + 5;
            }
        }
        return out.append(json, from, json.length()).toString();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(NulFreeText.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
