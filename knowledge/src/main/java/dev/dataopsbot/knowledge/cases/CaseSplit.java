package dev.dataopsbot.knowledge.cases;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The fixed train/test split of the bundled cases: one case in five, chosen by a hash of its id,
 * is held out for measurement and never used to tune anything. The split does not move when cases
 * are added, so a figure measured today is comparable with one measured later.
 */
public final class CaseSplit {

    private CaseSplit() {
    }

    public static boolean isTest(String caseId) {
        CRC32 crc = new CRC32();
        crc.update(caseId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }
}
