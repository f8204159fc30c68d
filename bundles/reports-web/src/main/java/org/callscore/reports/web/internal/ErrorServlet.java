package org.callscore.reports.web.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.callscore.support.web.HtmlText;
import org.callscore.support.web.PageAnswers;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The error page of the reports' web context, instead of the web server's (which shows the exception chain, SQL
 * included): a failure is logged with a reference and answered with that reference only; a refused request (4xx)
 * with its status. The API and the export answer JSON, pages a short HTML page.
 */
@Component(immediate = true, service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ERROR_PAGE + "=4xx",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ERROR_PAGE + "=5xx",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ERROR_PAGE + "=java.lang.Throwable",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=callscore-reports-errors",
        WebContext.SELECT })
public class ErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_MESSAGE = 200;

    private static final Map<Integer, String> REFUSALS = Map.of(
            400, "bad request",
            401, "log in first",
            403, "forbidden",
            404, "not found",
            405, "method not allowed",
            413, "request too large",
            414, "address too long",
            431, "request headers too large");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String message;
        if (failure != null || status >= 500) {
            status = Math.max(status, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            message = Failures.logged(request.getMethod() + " " + uri, failure);
        } else {
            message = refusal(status, request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
        }
        String inContext = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length())
                : uri;
        if (inContext.startsWith("/api/") || inContext.startsWith("/export/")) {
            DataServlet.error(response, status, message, null);
            return;
        }
        PageAnswers.html(response, status, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>CallScore "
                + "reports</title></head><body><p>" + status + ": " + HtmlText.escape(message) + "</p><p><a href=\""
                + HtmlText.escape(request.getContextPath()) + "/\">CallScore reports</a></p></body></html>");
    }

    /** @return the reason of a refusal: ours (e.g. "missing or wrong form token") or the status's, kept short */
    static String refusal(int status, Object given) {
        String message = given instanceof String text && !text.isBlank() ? text.strip() : "";
        if (message.isEmpty() || message.length() > MAX_MESSAGE || message.contains("Exception")) {
            message = REFUSALS.getOrDefault(status, "request refused");
        }
        return message;
    }
}
