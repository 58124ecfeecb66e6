package org.kbportal.backend.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The category tree and tags for admins (ADMIN via {@code /api/admin/**}). */
@RestController
class CategoryAdminController {

    private final CategoryCuration curation;

    CategoryAdminController(CategoryCuration curation) {
        this.curation = curation;
    }

    record RenameInput(
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn,
            Integer sortOrder) {}

    record MoveInput(@Size(max = 64) String parentCode) {}

    record MergeInput(@NotBlank @Size(max = 64) String into) {}

    record TagRenameInput(
            @NotBlank @Size(max = 50) String from,
            @NotBlank @Size(max = 50) String to) {}

    @PutMapping("/api/admin/categories/{code}")
    Mono<Category> rename(@PathVariable String code, @Valid @RequestBody RenameInput in) {
        return curation.rename(code, in.nameZh().strip(), in.nameEn().strip(), in.sortOrder());
    }

    @PostMapping("/api/admin/categories/{code}/move")
    Mono<Category> move(@PathVariable String code, @Valid @RequestBody MoveInput in) {
        String parent = in.parentCode() == null || in.parentCode().isBlank()
                ? null
                : in.parentCode().strip();
        return curation.move(code, parent);
    }

    @PostMapping("/api/admin/categories/{code}/merge")
    Mono<Map<String, Object>> merge(@PathVariable String code, @Valid @RequestBody MergeInput in, Authentication auth) {
        return curation.merge(code, in.into().strip(), auth.getName());
    }

    @GetMapping("/api/admin/tags")
    Mono<List<Map<String, Object>>> tags() {
        return curation.tags();
    }

    @PostMapping("/api/admin/tags/rename")
    Mono<Map<String, Object>> renameTag(@Valid @RequestBody TagRenameInput in, Authentication auth) {
        return curation.renameTag(in.from(), in.to(), auth.getName());
    }
}
