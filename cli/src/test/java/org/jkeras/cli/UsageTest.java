package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** Help on every command, and usage errors as one line with the exit code the README states. */
class UsageTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"predict", "inspect", "verify"}) {
            Run r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: jkeras " + cmd), r.out());
            assertTrue(r.err().isEmpty(), r.err());
        }
        assertTrue(run("predict", "--help").out().contains("--header"));
    }

    @Test
    void usageErrorsAreOneLineWithExitCode2() {
        Run r = run("predict", "model.keras", "--bogus");
        assertEquals(Main.USAGE, r.code());
        assertEquals(2, Main.USAGE);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("jkeras: Unknown option: '--bogus' (see 'jkeras predict --help')"), r.err());
        Run missing = run("verify", "only-a-model.keras");
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().startsWith("jkeras: ") && missing.err().contains("--help"), missing.err());
    }
}
