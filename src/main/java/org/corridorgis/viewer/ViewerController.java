package org.corridorgis.viewer;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The map viewer: static files under {@code static/viewer/}; {@code /viewer} and {@code /viewer/} show its page. */
@Controller
class ViewerController {

    @GetMapping({"/viewer", "/viewer/"})
    String viewer() {
        return "forward:/viewer/index.html";
    }
}
