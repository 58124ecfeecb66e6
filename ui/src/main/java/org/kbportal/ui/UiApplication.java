package org.kbportal.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Vaadin UI: a servlet application that talks to the backend only over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
// Vaadin 25 styling: plain stylesheets served from META-INF/resources, no frontend build (the
// pre-compiled production bundle stays valid; an application @Theme would need npm)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("kb/styles.css")
@Push
@PWA(name = "运维知识库与在线专家帮助", shortName = "KB")
public class UiApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The portal's clock; its zone ({@code kb.ui.time-zone}) is the one dates are shown in. */
    @Bean
    Clock clock(@Value("${kb.ui.time-zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(UiApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=ui");
    }
}
