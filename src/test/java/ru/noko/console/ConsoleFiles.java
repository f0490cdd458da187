package ru.noko.console;

import ru.noko.support.TestCampaigns;

import java.nio.charset.Charset;

/**
 * Results tables as a regional operator's Excel saves them: Windows-1251, {@code ;}-separated, a decimal
 * comma and Russian headers; three schools of region 59 with fresh ИНН, so that no other test shares them.
 */
final class ConsoleFiles {

    static final Charset CP1251 = Charset.forName("windows-1251");
    static final String HEADER = "ИНН;КПП;Наименование организации;ОКТМО;К1;К2;К3;К4;К5;Итоговый балл;Место в рейтинге\r\n";

    final String[] inns = {TestCampaigns.newInn("59"), TestCampaigns.newInn("59"), TestCampaigns.newInn("59")};

    /** The third row's К1 is a word, not a number: the one error the operator has to find. */
    byte[] withBadRow() {
        return table("девяносто");
    }

    byte[] corrected() {
        return table("90,5");
    }

    /** Corrected, but the first row's official total is 75,48 where its criteria give 75,18: a total mismatch. */
    byte[] withTotalMismatch() {
        return table("90,5", "75,48");
    }

    private byte[] table(String thirdK1) {
        return table(thirdK1, "75,18");
    }

    private byte[] table(String thirdK1, String firstTotal) {
        return (HEADER
                + inns[0] + ";590101001;МАОУ «Лицей № 1»;57701000;82,4;74,5;43;92,8;83,2;" + firstTotal + ";3\r\n"
                + inns[1] + ";590101001;МБОУ «СОШ № 2» им. А.С. Пушкина;57701000;100;99;82;99;98;95,6;1\r\n"
                + inns[2] + ";590101001;МБОУ «ООШ „Берёзка“»;57701000;" + thirdK1 + ";88,25;70;95;91,75;87,1;2\r\n")
                .getBytes(CP1251);
    }
}
