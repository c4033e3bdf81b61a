package dev.dataopsbot.rules.redaction;

import java.util.List;

/**
 * The kinds of personal data the redactor marks, in priority order: e-mail addresses, IBANs
 * (before cards, whose digit groups an IBAN can contain), social security numbers, Luhn-valid
 * card numbers and phone numbers. It runs on text whose secrets are already gone, so the host of
 * {@code postgres://etl:[REDACTED]@db.example.com} is not mistaken for an address.
 */
final class PersonalData {

    private final List<PersonalDataKind> kinds = List.of(new EmailAddresses(), new Ibans(), new SocialSecurityNumbers(),
            new CardNumbers(), new PhoneNumbers());

    void find(String text, Redaction sink) {
        for (int rank = 0; rank < kinds.size(); rank++) {
            kinds.get(rank).find(text, rank, sink);
        }
    }

    List<String> ids() {
        return kinds.stream().map(PersonalDataKind::id).toList();
    }
}
