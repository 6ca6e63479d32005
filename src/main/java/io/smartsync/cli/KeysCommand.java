package io.smartsync.cli;

import io.smartsync.access.ApiKeys;
import io.smartsync.access.Role;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "keys",
        header = "Creates, lists and revokes API keys for programs.",
        mixinStandardHelpOptions = true,
        description = "Creates, lists and revokes API keys for programs. A key is shown once, when it is created;"
                + " only its hash is stored.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand extends AccessAdminCommand {
    KeysCommand(Env env) {
        super(env);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a key and prints it once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--owner", required = true, description = "The user id the key acts as (notes' author).")
        String owner;

        @Option(names = "--name", required = true, description = "The owner's full name.")
        String name;

        @Option(names = "--role", defaultValue = "staff", description = "staff or admin (default ${DEFAULT-VALUE}).")
        String role;

        @Override
        public Integer call() {
            Role r = Settings.role(role);
            try (AccessStore store = parent.open()) {
                ApiKeys.IssuedKey key =
                        Settings.checked(() -> new ApiKeys(store.records(), Clock.systemUTC()).issue(owner, name, r));
                store.audited("keys.create", "key " + key.id() + " for " + owner + " (" + role + ")", "ok");
                PrintWriter out = spec.commandLine().getOut();
                out.println("API key " + key.id() + " for " + owner + " ("
                        + r.name().toLowerCase() + "):");
                out.println(key.key());
                out.println("It is shown only now: store it where the program that uses it can read it.");
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists keys (never the keys themselves).")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AccessStore store = parent.open()) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-36s  %-20s  %-6s  %-24s  %s%n", "ID", "OWNER", "ROLE", "CREATED", "REVOKED");
                for (ApiKeys.KeyInfo k : new ApiKeys(store.records(), Clock.systemUTC()).list()) {
                    out.printf(
                            "%-36s  %-20s  %-6s  %-24s  %s%n",
                            k.id(),
                            k.ownerId(),
                            k.role().name().toLowerCase(),
                            k.createdAt(),
                            k.revokedAt() == null ? "-" : k.revokedAt());
                }
                store.audited("keys.list", null, "ok");
                out.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revokes a key: a running service refuses it within 5 s.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The key's id, as keys list shows it.")
        String id;

        @Override
        public Integer call() {
            try (AccessStore store = parent.open()) {
                boolean revoked = new ApiKeys(store.records(), Clock.systemUTC()).revoke(id);
                store.audited("keys.revoke", "key " + id, revoked ? "ok" : "failed: no such active key");
                if (!revoked) {
                    spec.commandLine().getErr().println("smartsync keys: there is no active key " + id);
                    return 1;
                }
                spec.commandLine()
                        .getOut()
                        .println("Key " + id + " is revoked: a running service refuses it within 5 s.");
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
