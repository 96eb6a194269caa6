package org.corridorgis.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request that hides one query parameter, for handing a request on to a reader that must not see it (the items
 * parser given a history's {@code datetime}, or the proposals' {@code include}).
 */
public final class WithoutParameter extends HttpServletRequestWrapper {

    private final String hidden;

    private WithoutParameter(HttpServletRequest request, String hidden) {
        super(request);
        this.hidden = hidden;
    }

    public static HttpServletRequest of(HttpServletRequest request, String hidden) {
        return new WithoutParameter(request, hidden);
    }

    @Override
    public String getParameter(String name) {
        return name.equals(hidden) ? null : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> m = new LinkedHashMap<>(super.getParameterMap());
        m.remove(hidden);
        return m;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return name.equals(hidden) ? null : super.getParameterValues(name);
    }
}
