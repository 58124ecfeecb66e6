package org.kbportal.backend.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Organisations for admins (ADMIN-only by path; changes audited by the audit filter). */
@RestController
class OrganisationAdminController {

    private final OrganisationService organisations;

    OrganisationAdminController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    record OrganisationInput(
            @NotBlank(message = "name is required") @Size(max = 200, message = "at most 200 characters")
            String name) {}

    @GetMapping("/api/admin/organisations")
    Flux<Organisation> list() {
        return organisations.all();
    }

    @GetMapping("/api/admin/organisations/{id}")
    Mono<Organisation> get(@PathVariable long id) {
        return organisations.byId(id);
    }

    @PostMapping("/api/admin/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Organisation> create(@Valid @RequestBody OrganisationInput in) {
        return organisations.create(in.name());
    }

    @PutMapping("/api/admin/organisations/{id}")
    Mono<Organisation> rename(@PathVariable long id, @Valid @RequestBody OrganisationInput in) {
        return organisations.rename(id, in.name());
    }
}
