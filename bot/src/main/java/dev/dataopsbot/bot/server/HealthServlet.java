package dev.dataopsbot.bot.server;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /healthz}: 200 when the rules, the runbook index and the database are ready, else 503. */
final class HealthServlet extends HttpServlet {

    private final transient BooleanSupplier ready;

    HealthServlet(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean ok = ready.getAsBoolean();
        response.setStatus(ok ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/plain; charset=utf-8");
        response.getWriter().write(ok ? "ok\n" : "starting\n");
    }
}
