package org.jkeras.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jkeras predict | inspect | verify}: every command exits 0 on success, 1 with a one-line error otherwise, 2 on a usage error. */
@Command(name = "jkeras", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run Keras models on the JVM: exact Keras predictions, no Python.",
        subcommands = {PredictCommand.class, InspectCommand.class, VerifyCommand.class})
public final class Main implements Runnable {

    /** Writes UTF-8 whatever the locale: names in any script reach pipes and files intact, never as '?'. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Exit code of a command line jkeras cannot parse (an unknown option, a missing value). */
    public static final int USAGE = 2;

    /** Standard output as bytes, for binary results written with {@code --output -}. */
    private final OutputStream stdout;

    private Main(OutputStream stdout) {
        this.stdout = stdout;
    }

    /** Standard output as bytes: where {@code predict -o - --format npy|npz} writes, nothing else in between. */
    OutputStream stdout() {
        return stdout;
    }

    /**
     * Runs one command line with standard output as a byte stream: text goes to it as UTF-8, binary results
     * ({@code predict -o - --format npy}) as they are. Returns the exit code: 0 success, 1 a failure, {@link #USAGE}
     * a usage error.
     */
    public static int run(String[] args, OutputStream stdout, PrintWriter err) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        return run(args, out, stdout, err);
    }

    /**
     * Runs one command line with text output to {@code out}; binary results written to standard output
     * ({@code predict -o - --format npy}) go to {@link System#out}. Returns the exit code as {@link #run(String[],
     * OutputStream, PrintWriter)}.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, System.out, err);
    }

    private static int run(String[] args, PrintWriter out, OutputStream stdout, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(stdout));
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
