package org.callscore.support.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

/** Answers of the dashboard's pages: a whole body or HTML page at once, and a bundle's own files under {@code /web/}. */
public final class PageAnswers {

    private PageAnswers() {
    }

    /** Writes the whole answer, its length declared. */
    public static void write(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Writes a whole HTML page, in UTF-8. */
    public static void html(HttpServletResponse response, int status, String page) throws IOException {
        write(response, status, "text/html;charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Serves {@code /web/NAME} of the bundle {@code owner} comes from, or 404.
     *
     * @param name a fixed name chosen by the caller, never one taken from the request
     */
    public static void resource(HttpServletResponse response, Class<?> owner, String name, String type)
            throws IOException {
        try (InputStream in = owner.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            write(response, HttpServletResponse.SC_OK, type, in.readAllBytes());
        }
    }
}
