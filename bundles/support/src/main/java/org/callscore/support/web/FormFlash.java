package org.callscore.support.web;

import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * What a dashboard form just did ("Callback moved", "Not done: ..."), carried in the session across the redirect
 * that follows every post, and shown once on the page the browser comes back to: a reload neither posts again nor
 * shows the message twice.
 */
public final class FormFlash {

    private final String attribute;

    /** @param attribute the session attribute that carries the message, one per bundle */
    public FormFlash(String attribute) {
        this.attribute = attribute;
    }

    /** Keeps the message for the next page and sends the browser there (303, so it asks with GET). */
    public void seeOther(HttpSession session, HttpServletResponse response, String message, String location) {
        session.setAttribute(attribute, message);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    /** @return the message the last form left, taken out of the session; empty when there is none */
    public String take(HttpSession session) {
        Object message = session.getAttribute(attribute);
        session.removeAttribute(attribute);
        return message instanceof String text ? text : "";
    }
}
