package org.corridorgis.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.web.QueryParameters;
import org.corridorgis.web.RequestUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a client needs to know about scenarios beyond the scenarios collection: which one the service means when a
 * request names none, so that a client (the viewer) shows the same state as the tiles and analyses without a copy
 * of the id.
 */
@RestController
class ScenariosController {

    private final Scenarios scenarios;

    ScenariosController(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @GetMapping("/scenarios")
    ResponseEntity<Map<String, Object>> scenarios(HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default_scenario", scenarios.defaultId());
        body.put("scenarios", RequestUrls.root(request) + "/collections/scenarios/items");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
