package dev.dataopsbot.bot.server;

import java.nio.ByteBuffer;
import java.util.Locale;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every error Jetty answers itself (unknown path, wrong method, a URI or header it cannot parse,
 * an exception a servlet let through) as one line of JSON naming the status only: Jetty's own
 * pages name the exception, its message and Jetty's version. Installed on the server and on the
 * servlet context, so that errors before and after routing look the same.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
        }
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        if (HttpStatus.hasNoBody(status) || HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(JsonError.body(message(status))), callback);
        return true;
    }

    static String message(int status) {
        return switch (status) {
            case 404 -> "not found: this server answers POST /slack/events, POST /webhooks/alertmanager, GET /healthz "
                    + "and GET /metrics";
            case 405 -> "method not allowed on this path";
            default -> {
                String reason = HttpStatus.getMessage(status);
                yield reason == null ? "HTTP " + status : reason.toLowerCase(Locale.ROOT);
            }
        };
    }
}
