package org.kbportal.ui.navigation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page's place in the administrators' side menu, which the main layout builds from the routes that
 * carry this (shown to those the page's access declaration admits).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AdminMenu {

    /** Message key of the menu group. */
    String group();

    /** Message key of the link. */
    String label();

    /** Element id of the link (browser tests use it). */
    String id();

    /** Position in the menu: lower comes first; the groups follow their first pages. */
    int order();
}
