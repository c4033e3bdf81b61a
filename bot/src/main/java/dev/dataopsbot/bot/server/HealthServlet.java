package dev.dataopsbot.bot.server;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /healthz}: 200 with a JSON detail when ready, 503 with the reason while starting or
 * while the incident store cannot be written ({@link HealthReport}).
 */
final class HealthServlet extends HttpServlet {

    private final transient Supplier<HealthReport> health;
    private final transient Clock clock;

    HealthServlet(Supplier<HealthReport> health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = health.get();
        response.setStatus(report.ready() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(report.json(clock.instant()) + "\n");
    }
}
