package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class ErrorServletTest {

    private static Fakes.Response errorPage(String uri, Integer status, Throwable failure, String message)
            throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(RequestDispatcher.ERROR_REQUEST_URI, uri);
        attributes.put(RequestDispatcher.ERROR_STATUS_CODE, status);
        attributes.put(RequestDispatcher.ERROR_EXCEPTION, failure);
        attributes.put(RequestDispatcher.ERROR_MESSAGE, message);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getContextPath" -> "/callscore";
                    case "getMethod" -> "GET";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Fakes.Response response = new Fakes.Response();
        new ErrorServlet().service(request, response.proxy);
        return response;
    }

    @Test
    void aFailureIsAGeneric500OnPagesAndInTheApiWithoutTheExceptionChain() throws Exception {
        RuntimeException failure = new IllegalStateException("wrapped",
                new java.sql.SQLException("SELECT * FROM survey_response WHERE caller = '0611'"));

        Fakes.Response page = errorPage("/callscore/", 500, failure, failure.toString());
        Fakes.Response api = errorPage("/callscore/api/service", 500, failure, failure.toString());

        assertThat(page.status).isEqualTo(500);
        assertThat(page.headers.get("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("500: internal error, reference ").doesNotContain("SELECT")
                .doesNotContain("Exception").doesNotContain("wrapped");
        assertThat(api.status).isEqualTo(500);
        assertThat(api.text()).startsWith("{\"error\":\"internal error, reference ").doesNotContain("SELECT")
                .doesNotContain("Exception");
    }

    @Test
    void aRefusalKeepsItsStatusAndAShortReasonButNeverAnExceptionText() throws Exception {
        Fakes.Response notFound = errorPage("/callscore/nothing", 404, null, null);
        Fakes.Response token = errorPage("/callscore/logout", 403, null, "missing or wrong form token");
        Fakes.Response badQuery = errorPage("/callscore/api/service", 400, null,
                "org.eclipse.jetty.http.BadMessageException: 400: Unable to parse URI query");

        assertThat(notFound.status).isEqualTo(404);
        assertThat(notFound.text()).contains("404: not found");
        assertThat(token.text()).contains("403: missing or wrong form token");
        assertThat(badQuery.status).isEqualTo(400);
        assertThat(badQuery.text()).isEqualTo("{\"error\":\"bad request\"}");
    }
}
