package org.kbportal.ui.client;

/**
 * A started second-factor enrolment.
 *
 * @param secret the TOTP secret in Base32, for typing into an app
 * @param otpauthUri the same as an {@code otpauth://} URI
 * @param qrCode the URI as a QR code image ({@code data:} URI)
 */
public record MfaEnrolment(String secret, String otpauthUri, String qrCode) {}
