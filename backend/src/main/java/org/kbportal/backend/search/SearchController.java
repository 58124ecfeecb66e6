package org.kbportal.backend.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.kbportal.backend.audit.ClientAddress;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class SearchController {

    private final SearchService search;
    private final SearchLog log;
    private final ClickTokens tokens;
    private final List<String> trustedProxies;

    SearchController(SearchService search, SearchLog log, ClickTokens tokens, KbProperties props) {
        this.search = search;
        this.log = log;
        this.tokens = tokens;
        this.trustedProxies = props.audit().trustedProxies();
    }

    @GetMapping("/api/search")
    Mono<SearchResponse> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String lang,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "10") int size,
            Authentication auth,
            ServerHttpRequest request) {
        return search.search(q, type, category, lang, page, size, searcher(auth))
                .flatMap(r -> r.logId() == null
                        ? Mono.just(r)
                        : tokens.token(r.logId(), caller(auth, request)).map(r::withClickToken));
    }

    @GetMapping("/api/search/suggest")
    Mono<List<String>> suggest(@RequestParam(required = false) String q, Authentication auth) {
        return search.suggest(q, searcher(auth).curator());
    }

    @GetMapping("/api/search/similar")
    Mono<List<SearchResponse.HitView>> similar(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String exclude,
            @RequestParam(defaultValue = "5") int size,
            Authentication auth) {
        return search.similar(text, exclude, size, searcher(auth).curator());
    }

    record Click(
            @NotNull Long logId,
            @NotBlank @Size(max = 220) String id,

            @NotBlank(message = "clickToken is required (from the search answer)") @Size(max = 100)
            String clickToken) {}

    /** The UI reports which hit of a search was opened: only the caller of that search (its token). */
    @PostMapping("/api/search/clicks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> click(@Valid @RequestBody Click click, Authentication auth, ServerHttpRequest request) {
        return tokens.valid(click.logId(), caller(auth, request), click.clickToken())
                .flatMap(ok -> ok
                        ? log.opened(click.logId(), click.id())
                        : Mono.error(new KbException(
                                HttpStatus.FORBIDDEN,
                                "invalid-click-token",
                                "Not your search",
                                "The click token does not belong to this search and caller.")));
    }

    /** Who a click token is bound to: the user, else the client address. */
    private String caller(Authentication auth, ServerHttpRequest request) {
        return auth != null ? "user:" + auth.getName() : "address:" + ClientAddress.of(request, trustedProxies);
    }

    static SearchService.Searcher searcher(Authentication auth) {
        if (auth == null) {
            return SearchService.Searcher.ANONYMOUS;
        }
        List<String> roles =
                auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        boolean admin = roles.contains("ROLE_ADMIN");
        String role = admin ? "ADMIN" : roles.contains("ROLE_EXPERT") ? "EXPERT" : "USER";
        return new SearchService.Searcher(auth.getName(), role, admin);
    }
}
