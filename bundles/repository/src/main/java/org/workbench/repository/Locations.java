package org.workbench.repository;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** A repository's location as the user writes it: a folder, a {@code file:} or an {@code http(s):} URL. */
final class Locations {
    private Locations() {
    }

    /**
     * @param where names the setting or option, for the message
     */
    static URI uri(String text, String where) throws InvalidRequest {
        if (text.startsWith("http://") || text.startsWith("https://") || text.startsWith("file:")) {
            try {
                URI uri = new URI(text);
                if (uri.getScheme().equals("file") && uri.getPath() == null) {
                    throw new URISyntaxException(text, "a file: URL needs an absolute path");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new InvalidRequest(where + ": '" + text + "' is not a valid URL (" + e.getMessage()
                        + "); give a folder, file:/path/ or http(s)://host/path/");
            }
        }
        if (text.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new InvalidRequest(where + ": '" + text
                    + "' has a scheme the workbench cannot read; give a folder, file:/path/ or http(s)://host/path/");
        }
        return Path.of(text).toAbsolutePath().normalize().toUri();
    }
}
