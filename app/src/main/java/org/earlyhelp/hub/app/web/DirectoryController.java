package org.earlyhelp.hub.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.schools.SchoolDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner directory: where each school receives its notifications (governance credential). */
@RestController
@RequestMapping("/api/directory/schools")
@Tag(name = "directory", description = "Partner endpoints")
public class DirectoryController {

    private final SchoolDirectory directory;

    public DirectoryController(SchoolDirectory directory) {
        this.directory = directory;
    }

    @Operation(summary = "Point a school (by URN) at its notification endpoint")
    @PutMapping("/{urn}")
    public ResponseEntity<Map<String, String>> register(
            @PathVariable String urn, @Valid @RequestBody Registration body) {
        URI endpoint;
        try {
            endpoint = URI.create(body.endpoint());
        } catch (IllegalArgumentException e) {
            // the parser's message quotes the endpoint sent: never echo it
            throw new RequestRejected("endpoint", "is not a valid URL");
        }
        try {
            directory.register(urn, body.name(), endpoint);
        } catch (IllegalArgumentException e) {
            // the directory's own rule, in its own words (it names no value)
            throw new RequestRejected(null, e.getMessage());
        }
        return ResponseEntity.ok(Map.of("urn", urn, "endpoint", endpoint.toString()));
    }

    @GetMapping
    public List<SchoolDirectory.Entry> list() {
        return directory.all();
    }

    /** A school's endpoint. */
    public record Registration(@Size(max = 200) String name, @NotBlank @Size(max = 2048) String endpoint) {}
}
