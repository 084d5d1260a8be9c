package dev.flagstaff.operations.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildInfoTest {

    @Test
    void javaNamesBecomeGoNames() {
        assertEquals("linux", BuildInfo.goOs("Linux"));
        assertEquals("darwin", BuildInfo.goOs("Mac OS X"));
        assertEquals("windows", BuildInfo.goOs("Windows 11"));
        assertEquals("amd64", BuildInfo.goArch("amd64"));
        assertEquals("amd64", BuildInfo.goArch("x86_64"));
        assertEquals("arm64", BuildInfo.goArch("aarch64"));
    }

    @Test
    void snapshotsAreNotReleases() {
        assertFalse(new BuildInfo("v1.59.3", "0.1.0-SNAPSHOT", "", "java 17", "linux", "amd64").release());
        assertTrue(new BuildInfo("v1.59.3", "0.1.0", "", "java 17", "linux", "amd64").release());
        assertFalse(new BuildInfo("v1.59.3", "", "", "java 17", "linux", "amd64").release());
    }
}
