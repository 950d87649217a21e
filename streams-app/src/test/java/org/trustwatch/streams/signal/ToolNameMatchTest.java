package org.trustwatch.streams.signal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** C10: a listed tool matches a whole file name or its stem with a version or bitness, never any substring. */
class ToolNameMatchTest {

    private static final List<String> TOOLS = List.of("Mimikatz", "john", "nmap.exe", "psexec");

    private static boolean matches(String image) {
        return EndpointSignals.matchesName(image.toLowerCase(java.util.Locale.ROOT), TOOLS);
    }

    @Test
    void theToolItsVariantsAndAListedFileNameMatch() {
        assertTrue(matches("C:\\Users\\x\\Downloads\\mimikatz.exe"));
        assertTrue(matches("C:\\Temp\\MIMIKATZ_trunk.exe"));
        assertTrue(matches("C:\\Temp\\mimikatz-2.2.exe"));
        assertTrue(matches("C:\\Temp\\mimikatz.x64.exe"));
        assertTrue(matches("C:\\Tools\\PsExec64.exe"));
        assertTrue(matches("/usr/bin/john"));
        assertTrue(matches("D:\\nmap.exe"));
    }

    @Test
    void namesThatOnlyContainOrExtendATool() {
        assertFalse(matches("C:\\Users\\x\\Documents\\johnson.docx"));
        assertFalse(matches("C:\\Tools\\psexec128.exe"));
        assertFalse(matches("C:\\Tools\\nmap-gui.msi"));
        assertFalse(matches("C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE"));
        assertFalse(matches("C:\\Temp\\mimi.exe"));
    }
}
