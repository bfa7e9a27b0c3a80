package org.workbench.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;
import org.workbench.api.Workbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code search TERM}: the providers (kind/name) and bundles the repositories offer whose name or
 * summary contains TERM, with their versions, summary and repository; installed ones are marked.
 */
@Command(name = "search", mixinStandardHelpOptions = true, description = "providers and bundles available in the repositories")
final class SearchCommand implements Callable<Integer> {
    private final Session session;
    @Parameters(paramLabel = "TERM", arity = "0..1", description = "part of a kind/name, bundle name or summary (all when left out)")
    String term = "";
    @picocli.CommandLine.Option(names = "--json", description = "one JSON array of {label, kind, name, bundle, versions, summary, repository, installed}")
    boolean json;
    @Mixin
    RepoOptions repoOptions = new RepoOptions();

    SearchCommand(Session session) {
        this.session = session;
    }

    private record Row(String label, String summary, String repository, TreeSet<Version> versions, String bundle) {
    }

    @Override
    public Integer call() throws Exception {
        Catalog catalog = session.catalog(repoOptions.repos);
        Map<String, TreeSet<Version>> installed = session.installed().versions();
        String t = term.toLowerCase(Locale.ROOT);
        Map<String, Row> rows = new TreeMap<>();
        for (Resource r : catalog.resources()) {
            String bundle = Identity.name(r);
            List<Capability> providers = r.getCapabilities(ProviderCapabilities.NAMESPACE);
            List<String[]> labels = new ArrayList<>();
            for (Capability c : providers) {
                Map<String, Object> a = c.getAttributes();
                labels.add(new String[] { a.get(ProviderCapabilities.KIND) + "/" + a.get(ProviderCapabilities.NAME),
                        String.valueOf(a.getOrDefault(ProviderCapabilities.SUMMARY, "")) });
            }
            if (providers.isEmpty()) {
                labels.add(new String[] { "bundle " + bundle, "" });
            }
            for (String[] l : labels) {
                if (!(l[0].toLowerCase(Locale.ROOT).contains(t) || l[1].toLowerCase(Locale.ROOT).contains(t)
                        || bundle.toLowerCase(Locale.ROOT).contains(t))) {
                    continue;
                }
                String key = l[0] + "\u0000" + catalog.origin(r);
                Row row = rows.computeIfAbsent(key, k -> new Row(l[0], l[1], catalog.origin(r), new TreeSet<>(), bundle));
                row.versions().add(Identity.version(r));
            }
        }
        if (json) {
            com.google.gson.JsonArray array = new com.google.gson.JsonArray();
            for (Row row : rows.values()) {
                com.google.gson.JsonObject o = new com.google.gson.JsonObject();
                o.addProperty("label", row.label());
                boolean provider = !row.label().startsWith("bundle ");
                o.addProperty("kind", provider ? row.label().substring(0, row.label().indexOf('/')) : null);
                o.addProperty("name", provider ? row.label().substring(row.label().indexOf('/') + 1) : null);
                o.addProperty("bundle", row.bundle());
                com.google.gson.JsonArray versions = new com.google.gson.JsonArray();
                row.versions().descendingSet().forEach(v -> versions.add(v.toString()));
                o.add("versions", versions);
                o.addProperty("summary", row.summary());
                o.addProperty("repository", row.repository());
                com.google.gson.JsonArray have = new com.google.gson.JsonArray();
                installed.getOrDefault(row.bundle(), new TreeSet<>()).forEach(v -> have.add(v.toString()));
                o.add("installed", have);
                array.add(o);
            }
            session.out.println(new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(array));
            return Workbench.OK;
        }
        if (rows.isEmpty()) {
            session.out.println("nothing matches '" + term + "' in " + String.join(", ",
                    catalog.indexes().stream().map(RepositoryIndex::name).toList()));
            return Workbench.OK;
        }
        for (Row row : rows.values()) {
            TreeSet<Version> have = installed.get(row.bundle());
            String mark = have == null ? "" : "  [installed " + String.join(", ", have.stream().map(Version::toString).toList()) + "]";
            session.out.println(String.format("%-32s %-24s %-10s %s%s", row.label(),
                    String.join(", ", row.versions().descendingSet().stream().map(Version::toString).toList()),
                    row.repository(), row.summary(), mark));
        }
        return Workbench.OK;
    }
}
