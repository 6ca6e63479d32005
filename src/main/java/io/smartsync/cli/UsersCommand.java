package io.smartsync.cli;

import io.smartsync.access.Role;
import io.smartsync.access.Users;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "users",
        header = "Manages the people who sign in to the pages.",
        mixinStandardHelpOptions = true,
        description = "Creates, lists and disables the people who sign in to the pages. Passwords are stored"
                + " only as Argon2id hashes.",
        subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class})
final class UsersCommand extends AccessAdminCommand {
    UsersCommand(Env env) {
        super(env);
    }

    Users users(AccessStore store) {
        return new Users(store.records(), Clock.systemUTC());
    }

    @Command(
            name = "create",
            header = "Creates a user; the password is asked for twice or read from a file.",
            mixinStandardHelpOptions = true,
            description = "Creates a user; the password (12 to 256 characters) is asked for twice, or read from"
                    + " --password-file.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USER_ID", description = "The id they sign in with (also notes' author id).")
        String userId;

        @Option(names = "--name", required = true, description = "Their full name (notes' author name).")
        String name;

        @Option(names = "--role", defaultValue = "staff", description = "staff or admin (default ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--password-file", description = "Read the password from the first line of this file.")
        Path passwordFile;

        @Override
        public Integer call() {
            Role r = Settings.role(role);
            char[] password = password();
            try (AccessStore store = parent.open()) {
                Users.UserInfo user = Settings.checked(() -> parent.users(store).create(userId, name, r, password));
                store.audited("users.create", "user " + user.userId() + " (" + role + ")", "ok");
                PrintWriter out = spec.commandLine().getOut();
                out.println("User " + user.userId() + " (" + r.name().toLowerCase() + ") can now sign in.");
                out.flush();
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }

        private char[] password() {
            if (passwordFile != null) {
                try {
                    String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                    return text.lines().findFirst().orElse("").toCharArray();
                } catch (IOException e) {
                    throw new SettingException("--password-file cannot be read: " + e.getMessage());
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new SettingException("no terminal to ask for the password: use --password-file");
            }
            char[] first = console.readPassword("Password for %s: ", userId);
            char[] second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new SettingException("the two passwords differ");
            }
            return first;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists users (never their passwords).")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AccessStore store = parent.open()) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-24s  %-30s  %-6s  %-24s  %s%n", "USER", "NAME", "ROLE", "CREATED", "DISABLED");
                for (Users.UserInfo u : parent.users(store).list()) {
                    out.printf(
                            "%-24s  %-30s  %-6s  %-24s  %s%n",
                            u.userId(),
                            u.fullName(),
                            u.role().name().toLowerCase(),
                            u.createdAt(),
                            u.enabled() ? "-" : u.disabledAt());
                }
                store.audited("users.list", null, "ok");
                out.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Disables a user: they cannot sign in, and their sessions end at once.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USER_ID")
        String userId;

        @Override
        public Integer call() {
            try (AccessStore store = parent.open()) {
                boolean disabled = parent.users(store).disable(userId);
                store.audited("users.disable", "user " + userId, disabled ? "ok" : "failed: no such enabled user");
                if (!disabled) {
                    spec.commandLine().getErr().println("smartsync users: there is no enabled user " + userId);
                    return 1;
                }
                spec.commandLine().getOut().println("User " + userId + " is disabled; their sessions have ended.");
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
