package org.kbportal.backend.privacy;

import org.kbportal.backend.account.KbPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * One person's data for security administrators (the path is SECURITY_ADMIN-only in the security rules); both
 * calls are audited by the central audit filter ({@code users.personal-data.export}, {@code .erase}).
 */
@RestController
class PersonalDataController {

    private final PersonalDataService personalData;

    PersonalDataController(PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @GetMapping("/api/admin/users/{id}/personal-data")
    Mono<PersonalData> export(@PathVariable long id) {
        return personalData.export(id);
    }

    @DeleteMapping("/api/admin/users/{id}/personal-data")
    Mono<PersonalData.Erased> erase(@PathVariable long id, Authentication auth) {
        return personalData.erase(id, ((KbPrincipal) auth.getPrincipal()).userId());
    }
}
