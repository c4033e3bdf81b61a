package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void the_libpq_form_gives_user_password_hosts_database_and_options() {
        PostgresUrl url = PostgresUrl.parse("postgresql://dataops:p%40ss%3Aw0rd@db.example.com:5433/incidents?sslmode=require");
        assertEquals("dataops", url.user());
        assertEquals("p@ss:w0rd", url.password());
        assertEquals("db.example.com:5433", url.hosts());
        assertEquals("incidents", url.database());
        assertEquals(Map.of("sslmode", "require"), url.options());
        assertEquals("jdbc:postgresql://db.example.com:5433/incidents?sslmode=require", url.jdbcUrl());
        assertEquals("postgresql://dataops@db.example.com:5433/incidents", url.toString());
    }

    @Test
    void the_jdbc_form_and_postgres_scheme_are_accepted_and_the_password_never_shows() {
        PostgresUrl jdbc = PostgresUrl.parse("jdbc:postgresql://10.0.0.5/dataops?user=bot&password=hunter2&ApplicationName=x");
        assertEquals("bot", jdbc.user());
        assertEquals("hunter2", jdbc.password());
        assertEquals("jdbc:postgresql://10.0.0.5/dataops?ApplicationName=x", jdbc.jdbcUrl());
        assertFalse(jdbc.toString().contains("hunter2"));
        assertFalse(jdbc.jdbcUrl().contains("hunter2"));
        assertEquals("postgresql://u@h1:5432,h2:5432/db", PostgresUrl.parse("postgres://u:pw@h1:5432,h2:5432/db").toString());
        assertTrue(PostgresUrl.looksLikeOne(" jdbc:postgresql://x/y"));
        assertFalse(PostgresUrl.looksLikeOne("mysql://x/y"));
    }

    @Test
    void a_bad_url_is_refused_without_its_password() {
        for (String bad : new String[] {"mysql://u:secretpw@h/db", "postgresql://u:secretpw@/db", "postgresql://u:secretpw@h",
                "postgresql://u:secretpw@h/", "postgresql://u:secret%zzpw@h/db"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse(bad), bad);
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }
}
