package org.kbportal.ui.client;

/** A file to attach, as the browser sent it; the backend checks its size and type again. */
public record FileUpload(String name, byte[] bytes) {}
