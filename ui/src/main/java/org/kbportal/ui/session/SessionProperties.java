package org.kbportal.ui.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sessions of signed-in users ({@code kb.ui.session.*} in {@code ui.yml}).
 *
 * @param idleTimeout a signed-in session ends after this long without a user interaction (clicks,
 *     typing, navigation); Vaadin's heartbeat and push traffic do not count
 */
@ConfigurationProperties("kb.ui.session")
public record SessionProperties(@DefaultValue("30m") Duration idleTimeout) {}
