package io.portcullis.app.admin.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.portcullis.app.admin.Role;
import io.portcullis.app.admin.account.Accounts;
import io.portcullis.app.admin.account.Conflict;
import io.portcullis.app.admin.account.InvalidInput;
import io.portcullis.app.admin.account.UserAccount;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;

/**
 * {@code ./portcullis admin create-user --username NAME --role ROLE [--role ROLE...] [--firm FIRM]
 * [--password-stdin | --generate-password] [--config FILE]}: creates an admin API user, typically the first
 * administrator (there is no default account). {@code --firm} makes it a user of that broker firm: a BROKER_VIEWER
 * sees only that firm's accounts. The password is read from one line of standard input
 * ({@code --password-stdin}), generated and printed once ({@code --generate-password}), or else prompted for twice
 * on the terminal without echo. The database comes from {@code --config FILE} (the gateway's settings) or the
 * {@code PORTCULLIS_DB_*} environment; it is migrated first if needed.
 *
 * <p>Exit codes: 0 created, 1 failed (database, or the user exists), 2 bad usage or bad input (the message names the
 * option).
 */
public final class AdminMain {
    /** Exit code: created. */
    static final int OK = 0;
    /** Exit code: the database failed or the user exists. */
    static final int FAILED = 1;
    /** Exit code: bad usage or input. */
    static final int USAGE = 2;
    /** Recorded as {@code created_by} for users this command creates. */
    static final String CREATED_BY = "launcher";

    static final String USAGE_TEXT = "usage: ./portcullis admin create-user --username NAME --role ROLE "
        + "[--role ROLE...] [--firm FIRM] [--password-stdin | --generate-password] [--config FILE]";

    /** Reads a password on the terminal without echo; null when there is no terminal. */
    @FunctionalInterface
    interface Prompt {
        /** The password typed after {@code prompt}, or null at end of input. */
        char[] read(String prompt);
    }

    private AdminMain() {
    }

    public static void main(final String[] args) {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        final Console console = System.console();
        final Prompt prompt = console == null ? null : text -> console.readPassword("%s", text);
        System.exit(run(List.of(args), System.in, out, err, prompt, null));
    }

    /**
     * Runs the command.
     *
     * @param settings the settings to use when there is no {@code --config}; null for this process's environment
     * @return the exit code
     */
    static int run(final List<String> args, final InputStream stdin, final PrintStream out, final PrintStream err,
                   final Prompt prompt, final Settings settings) {
        if (args.isEmpty() || !"create-user".equals(args.get(0))) {
            if (!args.isEmpty() && ("--help".equals(args.get(0)) || "-h".equals(args.get(0)))) {
                out.println(USAGE_TEXT);
                return OK;
            }
            err.println("error: " + (args.isEmpty() ? "a subcommand is required" : "unknown subcommand '"
                + args.get(0) + "'") + "\n" + USAGE_TEXT);
            return USAGE;
        }
        final Options options;
        try {
            options = Options.parse(args.subList(1, args.size()));
        } catch (final InvalidInput ex) {
            err.println("error: " + ex.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        if (options.help) {
            out.println(USAGE_TEXT);
            return OK;
        }
        char[] password = null;
        try {
            password = password(options, stdin, err, prompt);
            Accounts.requirePassword(password);
            final Settings effective = options.config != null ? Settings.fromFile(Path.of(options.config))
                : settings != null ? settings : Settings.fromProcess();
            return create(options, password, effective, out, err);
        } catch (final InvalidInput ex) {
            err.println("error: " + ex.getMessage());
            return USAGE;
        } catch (final SettingException ex) {
            err.println("error: " + ex.getMessage());
            return USAGE;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static int create(final Options options, final char[] password, final Settings settings,
                              final PrintStream out, final PrintStream err) {
        final DatabaseConfiguration configuration = DatabaseConfiguration.from(settings);
        try (Database database = Database.open(configuration)) {
            database.migrate();
            final UserAccount user = new Accounts(database.dsl(), InstantSource.system())
                .create(options.username, options.roles, options.firm, password, CREATED_BY);
            out.println("created user " + user.username() + " with roles " + user.roles()
                + (user.firm() == null ? "" : " of broker firm " + user.firm()));
            if (options.generate) {
                out.println("password (shown once; store it now): " + new String(password));
            }
            return OK;
        } catch (final InvalidInput ex) {
            err.println("error: --" + ex.field() + ": " + ex.reason());
            return USAGE;
        } catch (final Conflict ex) {
            err.println("error: " + ex.getMessage() + "; choose another --username");
            return FAILED;
        } catch (final RuntimeException ex) {
            err.println("error: cannot create the user in " + configuration.url() + ": " + ex.getMessage()
                + " (is the database up? ./portcullis stack status)");
            return FAILED;
        }
    }

    private static char[] password(final Options options, final InputStream stdin, final PrintStream err,
                                   final Prompt prompt) {
        if (options.generate) {
            return Accounts.generatePassword();
        }
        if (options.stdin) {
            try {
                final String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
                    .readLine();
                if (line == null || line.isEmpty()) {
                    throw new InvalidInput("--password-stdin",
                        "standard input held no password (one line expected)");
                }
                return line.toCharArray();
            } catch (final IOException ex) {
                throw new InvalidInput("--password-stdin", "cannot read standard input: " + ex.getMessage());
            }
        }
        if (prompt == null) {
            throw new InvalidInput("--password-stdin", "there is no terminal to prompt on: pipe the password with "
                + "--password-stdin or use --generate-password");
        }
        final char[] first = prompt.read("Password for " + options.username + ": ");
        final char[] second = prompt.read("Repeat the password: ");
        try {
            if (first == null || second == null) {
                throw new InvalidInput("password", "no password was typed");
            }
            if (!Arrays.equals(first, second)) {
                throw new InvalidInput("password", "the two passwords typed differ");
            }
            return first.clone();
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** The parsed options of {@code create-user}. */
    private static final class Options {
        private String username;
        private String firm;
        private final Set<Role> roles = EnumSet.noneOf(Role.class);
        private boolean stdin;
        private boolean generate;
        private boolean help;
        private String config;

        static Options parse(final List<String> args) {
            final Options options = new Options();
            final List<String> rest = new ArrayList<>(args);
            while (!rest.isEmpty()) {
                final String option = rest.remove(0);
                switch (option) {
                    case "--username" -> options.username = value(option, rest);
                    case "--firm" -> options.firm = value(option, rest);
                    case "--role" -> {
                        for (final String name : value(option, rest).split(",")) {
                            try {
                                options.roles.add(Role.parse(name.strip()));
                            } catch (final IllegalArgumentException ex) {
                                throw new InvalidInput("--role", ex.getMessage());
                            }
                        }
                    }
                    case "--password-stdin" -> options.stdin = true;
                    case "--generate-password" -> options.generate = true;
                    case "--config" -> options.config = value(option, rest);
                    case "--help", "-h" -> options.help = true;
                    default -> throw new InvalidInput(option, "unknown option");
                }
            }
            if (options.help) {
                return options;
            }
            if (options.username == null) {
                throw new InvalidInput("--username", "is required");
            }
            try {
                Accounts.requireUsername(options.username);
            } catch (final InvalidInput ex) {
                throw new InvalidInput("--username", ex.reason() + ", not '" + options.username + "'");
            }
            if (options.roles.isEmpty()) {
                throw new InvalidInput("--role", "is required (one of " + Arrays.toString(Role.values()) + ")");
            }
            if (options.stdin && options.generate) {
                throw new InvalidInput("--generate-password", "cannot be combined with --password-stdin");
            }
            return options;
        }

        private static String value(final String option, final List<String> rest) {
            if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                throw new InvalidInput(option, "needs a value");
            }
            return rest.remove(0);
        }
    }
}
