package org.workbench.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The short options that executors declare for their parameters ({@code Provider.OPTIONS}, written
 * with {@code @WorkbenchProvider(options = ...)}), rewritten to the generic {@code --with KEY=VALUE}
 * before the command line is parsed: {@code --join 127.0.0.1:5701} becomes
 * {@code --with join=127.0.0.1:5701} when the executor declares {@code "--join=join"}, and
 * {@code --no-fetch} becomes {@code --with fetch=false} when it declares {@code "--no-fetch=fetch=false"}.
 * The engine itself knows no executor's parameter names.
 */
final class ExecutorAliases {
    /** The generic option every alias becomes. */
    static final String WITH = "--with";
    static final String EXECUTOR = "--executor";

    /** One declared alias: the parameter it sets, and the value it sets it to when it takes none. */
    record Alias(String parameter, String fixed) {
    }

    private ExecutorAliases() {
    }

    /**
     * Parses declarations such as {@code "--join=join"} and {@code "--no-fetch=fetch=false"}.
     *
     * @throws IllegalArgumentException naming a declaration that is not {@code --OPTION=PARAMETER[=VALUE]}
     */
    static Map<String, Alias> parse(List<String> declarations) {
        Map<String, Alias> out = new LinkedHashMap<>();
        for (String d : declarations) {
            String[] parts = d.split("=", 3);
            if (parts.length < 2 || !parts[0].startsWith("--") || parts[0].length() < 3 || parts[1].isBlank()) {
                throw new IllegalArgumentException("option declaration '" + d + "' is not --OPTION=PARAMETER or "
                        + "--OPTION=PARAMETER=VALUE");
            }
            out.putIfAbsent(parts[0], new Alias(parts[1], parts.length == 3 ? parts[2] : null));
        }
        return out;
    }

    /**
     * {@code args} with every option that the command does not know but an executor declares rewritten
     * to {@code --with PARAMETER=VALUE}.
     *
     * @param known    the command's own options, each with whether it takes a value
     * @param declared the aliases of the executor named by {@code --executor} (its argument), or of
     *                 every executor (argument {@code null}); asked only when an unknown option appears
     */
    static String[] rewrite(String[] args, Map<String, Boolean> known, Function<String, Map<String, Alias>> declared) {
        List<String> out = new ArrayList<>();
        Map<String, Alias> aliases = null;
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!options || !arg.startsWith("--") || arg.equals("--")) {
                options &= !arg.equals("--");
                out.add(arg);
                continue;
            }
            if (known.containsKey(name)) {
                out.add(arg);
                if (known.get(name) && !arg.contains("=") && i + 1 < args.length) {
                    out.add(args[++i]);
                }
                continue;
            }
            if (aliases == null) {
                aliases = declared.apply(executor(args));
            }
            Alias alias = aliases.get(name);
            if (alias == null) {
                out.add(arg);
            } else if (alias.fixed() != null) {
                out.add(WITH);
                out.add(alias.parameter() + "=" + alias.fixed());
            } else if (arg.contains("=")) {
                out.add(WITH);
                out.add(alias.parameter() + "=" + arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                out.add(WITH);
                out.add(alias.parameter() + "=" + args[++i]);
            } else {
                out.add(arg); // picocli says that it needs a value
            }
        }
        return out.toArray(String[]::new);
    }

    /** The executor named by {@code --executor NAME} or {@code --executor=NAME}, or {@code null}. */
    static String executor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return null;
            }
            if (args[i].startsWith(EXECUTOR + "=")) {
                return args[i].substring(EXECUTOR.length() + 1);
            }
            if (args[i].equals(EXECUTOR) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }
}
