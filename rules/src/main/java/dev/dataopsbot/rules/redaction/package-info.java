/**
 * Redaction of secrets and personal data. The secret kinds are data
 * ({@code secret-kinds.txt}: anchors, regex, which group is the secret, the format's source and
 * an example), checked when loaded; personal data is code, because it needs checksums (Luhn,
 * mod 97). The trade-off is recall against keeping logs readable: every kind is anchored by a
 * literal so one pass finds all candidates and cost stays linear, and kinds that only a key name
 * announces ({@code key=}, {@code Basic}) must also look random before they are removed.
 */
package dev.dataopsbot.rules.redaction;
