package org.kbportal.ui.client;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/** A file to attach, as the browser sent it; the backend checks its size and type again. */
public record FileUpload(String name, byte[] bytes) {

    /** The file as a multipart part: its bytes under its name. */
    Resource resource() {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
