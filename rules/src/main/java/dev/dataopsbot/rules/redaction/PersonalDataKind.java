package dev.dataopsbot.rules.redaction;

/**
 * One kind of personal data. Unlike secrets these are checked in code (a checksum, the shape of
 * an address), so they are not catalogue entries; each is replaced by a marker naming its kind,
 * which the pii_exposure rules count.
 */
interface PersonalDataKind {

    /** The id counts and JSON use ({@code email}, {@code card_number}, ...). */
    String id();

    /** Adds a span, ranked {@code rank}, for each occurrence in {@code text}. */
    void find(String text, int rank, Redaction sink);
}
