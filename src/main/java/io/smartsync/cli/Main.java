package io.smartsync.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar smartsync.jar <command>}. */
@Command(
        name = "smartsync",
        mixinStandardHelpOptions = true,
        version = "smartsync 0.1.0",
        description = "Keeps client notes in sync with a Caspio table.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            EmulatorCommand.class,
            SetupCommand.class,
            KeysCommand.class,
            UsersCommand.class,
            io.smartsync.bench.BenchCommand.class,
            io.smartsync.bench.ScaleOutBenchCommand.class,
            io.smartsync.cli.soak.SoakCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command; answers its exit status (2 for a missing or bad setting). */
    static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main(), new Factory(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SettingException) {
                err.println("smartsync: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Hands the environment to each command, so tests can run them with a map of their own. */
    private record Factory(Map<String, String> env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ServeCommand.class) {
                return type.cast(new ServeCommand(new Env(env)));
            }
            if (type == DemoCommand.class) {
                return type.cast(new DemoCommand(new Env(env)));
            }
            if (type == SetupCommand.class) {
                return type.cast(new SetupCommand(new Env(env)));
            }
            if (type == KeysCommand.class) {
                return type.cast(new KeysCommand(new Env(env)));
            }
            if (type == UsersCommand.class) {
                return type.cast(new UsersCommand(new Env(env)));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
