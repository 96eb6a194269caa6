package org.corridorgis.web;

import java.util.List;

/**
 * The HTML views' shared frame: the same header, navigation and style on every page, and escaping. Pages are
 * plain server-rendered HTML that works without scripts; maps on them are inline SVG drawn from the
 * features' GeoJSON, so nothing is fetched from elsewhere.
 */
public final class Html {

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2733;background:#fafbfc}
            header{background:#1f3a5f;color:#fff;padding:.6em 1.2em}header a{color:#fff;text-decoration:none;font-weight:600}
            nav.crumbs{font-size:.9em;margin:.8em 1.2em}main{margin:0 1.2em 2em}
            table{border-collapse:collapse;margin:.6em 0;background:#fff}td,th{border:1px solid #d5dbe3;padding:.25em .5em;vertical-align:top;text-align:left}
            th{background:#eef2f7}code{background:#eef2f7;padding:0 .2em}.muted{color:#5c6b7a}
            svg.map{background:#e8f0f7;border:1px solid #c9d3df;max-width:100%;height:auto}
            .paging a{margin-right:1em}
            """;

    private Html() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page: title, breadcrumb trail of (label, href) pairs, body HTML, and the JSON alternate. */
    public static String page(String title, List<String[]> crumbs, String body, String jsonHref) {
        StringBuilder nav = new StringBuilder();
        for (String[] crumb : crumbs) {
            if (!nav.isEmpty()) {
                nav.append(" / ");
            }
            nav.append(crumb[1] == null ? escape(crumb[0]) : "<a href=\"" + escape(crumb[1]) + "\">" + escape(crumb[0]) + "</a>");
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title) + " – corridor-gis</title><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"><style>" + STYLE + "</style>"
                + (jsonHref == null ? "" : "<link rel=\"alternate\" type=\"application/json\" href=\"" + escape(jsonHref) + "\">")
                + "</head><body><header><a href=\"/\">corridor-gis</a></header><nav class=\"crumbs\">" + nav + "</nav><main>"
                + "<h1>" + escape(title) + "</h1>" + body
                + (jsonHref == null ? "" : "<p class=\"muted\">Also as <a href=\"" + escape(jsonHref) + "\">JSON</a>.</p>")
                + "</main></body></html>";
    }
}
