package org.kbportal.ui.session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may open a page: the one declaration of a route's access, read by {@link AccessControl} before
 * every navigation and by the main layout's menu. Every {@code @Route} class carries it (the
 * architecture test checks).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Access {

    Audience value();
}
