package org.earlyhelp.hub.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
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

    @Operation(
            summary = "Point a school (by URN) at its notification endpoint",
            description = "The endpoint must be an https URL naming a public host; plain http only to this machine in"
                    + " the embedded run. A refusal names the field and the rule, never the value.")
    @PutMapping("/{urn}")
    public ResponseEntity<Map<String, Object>> register(
            @PathVariable String urn, @Valid @RequestBody Registration body) {
        try {
            directory.register(urn, body.name(), body.endpoint());
        } catch (SchoolDirectory.InvalidEntry e) {
            Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("field", e.field());
            error.put("reason", e.getMessage());
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(error)));
        }
        return ResponseEntity.ok(Map.of("urn", urn, "endpoint", body.endpoint()));
    }

    @GetMapping
    public List<SchoolDirectory.Entry> list() {
        return directory.all();
    }

    /** A school's endpoint. */
    public record Registration(@Size(max = 200) String name, @NotBlank @Size(max = 2048) String endpoint) {}
}
