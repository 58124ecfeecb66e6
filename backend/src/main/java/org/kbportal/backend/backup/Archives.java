package org.kbportal.backend.backup;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON settings of archives, the same in the running backend and the restore command. */
final class Archives {

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Archives() {}
}
