package org.jkeras.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jkeras predict | inspect | verify}: every command exits 0 on success, 1 with a one-line error otherwise, 2 on a usage error. */
@Command(name = "jkeras", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run Keras models on the JVM: exact Keras predictions, no Python.",
        subcommands = {PredictCommand.class, InspectCommand.class, VerifyCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Exit code of a command line jkeras cannot parse (an unknown option, a missing value). */
    public static final int USAGE = 2;

    /** Runs one command line; returns the exit code: 0 success, 1 a failure, {@link #USAGE} a usage error. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        // a usage error: one line naming it and where the options are listed, exit code 2
        cl.setParameterExceptionHandler((e, params) -> {
            CommandLine cmd = e.getCommandLine();
            err.println("jkeras: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("jkeras: " + Errors.describe(e));
            if (Boolean.getBoolean("jkeras.debug")) e.printStackTrace(err);
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"jkeras " + (v == null ? "(development build)" : v)};
        }
    }
}
