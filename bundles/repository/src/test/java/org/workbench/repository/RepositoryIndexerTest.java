package org.workbench.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.resource.ResourceUtils;

/** The index of a folder, written and read back with bnd, on jars made here. */
class RepositoryIndexerTest {
    @TempDir
    Path folder;

    static Path plugin(Path target, String version, String imports) throws IOException {
        return plugin(target, version, imports, null);
    }

    static Path plugin(Path target, String version, String imports, String provides) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.example.prior-test");
        a.putValue("Bundle-Version", version);
        a.putValue("Import-Package", imports);
        a.putValue("Service-Component", "OSGI-INF/org.example.Test.xml");
        if (provides != null) {
            a.putValue("Provide-Capability", provides);
        }
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file, m)) {
            jar.putNextEntry(new JarEntry("OSGI-INF/org.example.Test.xml"));
            jar.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"t\">"
                    + "<property name=\"workbench.kind\" type=\"String\" value=\"prior\"/>"
                    + "<property name=\"workbench.name\" type=\"String\" value=\"test\"/>"
                    + "<property name=\"workbench.summary\" type=\"String\" value=\"A test prior\"/>"
                    + "<implementation class=\"org.example.Test\"/></scr:component>").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return target;
    }

    @Test
    void eachBundleHasItsIdentityHashSizeRequirementsAndProviders() throws Exception {
        Path jar = plugin(folder.resolve("a.jar"), "1.2.0", "org.apache.commons.math3.special;version=\"[3.6,4)\"");
        Files.writeString(folder.resolve("not-a-bundle.jar"), "text");
        RepositoryIndexer.Outcome outcome = RepositoryIndexer.index(folder, false);
        assertEquals(List.of(folder.resolve("not-a-bundle.jar")), outcome.skipped());
        assertTrue(Files.readString(outcome.index()).contains("url\" value=\"a.jar\""), "URLs relative to the folder");

        List<Resource> read = RepositoryIndex.read("t", folder.toUri()).resources();
        assertEquals(1, read.size());
        Resource r = read.get(0);
        assertEquals("org.example.prior-test 1.2.0", Identity.text(r));
        ResourceUtils.ContentCapability content = ResourceUtils.getContentCapability(r);
        assertEquals(PluginWriter.sha256(Files.readAllBytes(jar)), content.osgi_content().toLowerCase());
        assertEquals(Files.size(jar), content.size());
        assertEquals(folder.resolve("a.jar").toUri(), content.url());
        Capability provider = r.getCapabilities(ProviderCapabilities.NAMESPACE).get(0);
        assertEquals(Map.of("kind", "prior", "name", "test", "summary", "A test prior"), Map.of("kind",
                provider.getAttributes().get("kind"), "name", provider.getAttributes().get("name"), "summary",
                provider.getAttributes().get("summary")));
        assertEquals("1.2.0", provider.getAttributes().get("version").toString());
        String needs = r.getRequirements("osgi.wiring.package").stream().map(RequirementText::of).toList().toString();
        assertTrue(needs.contains("package org.apache.commons.math3.special [3.6.0,4.0.0)"), needs);
    }

    /** A plugin built against API 1.4 carries its providers in its manifest: they are indexed as they are, once. */
    @Test
    void providersDeclaredInTheManifestAreIndexedOnceAndTheComponentXmlIsNotRead() throws Exception {
        plugin(folder.resolve("a.jar"), "1.3.0", "org.workbench.api;version=\"[1.4,2)\"",
                "org.workbench.provider;kind=prior;name=from-manifest;summary=\"Declared at build time\"");
        RepositoryIndexer.index(folder, false);
        Resource r = RepositoryIndex.read("t", folder.toUri()).resources().get(0);
        List<Capability> providers = r.getCapabilities(ProviderCapabilities.NAMESPACE);
        assertEquals(1, providers.size(), providers.toString());
        assertEquals("from-manifest", providers.get(0).getAttributes().get("name"));
        assertEquals("Declared at build time", providers.get(0).getAttributes().get("summary"));
    }

    @Test
    void aGzippedIndexReadsTheSameAndReplacesThePlainOne() throws Exception {
        plugin(folder.resolve("a.jar"), "1.0.0", "org.workbench.api;version=\"[1.3,2)\"");
        RepositoryIndexer.index(folder, false);
        RepositoryIndexer.Outcome gz = RepositoryIndexer.index(folder, true);
        assertEquals(folder.resolve("index.xml.gz"), gz.index());
        assertTrue(Files.notExists(folder.resolve("index.xml")));
        assertEquals("org.example.prior-test 1.0.0",
                Identity.text(RepositoryIndex.read("t", folder.toUri()).resources().get(0)));
    }

    @Test
    void aFolderWithoutAnIndexSaysHowToMakeOne() {
        IOException e = assertThrows(IOException.class, () -> RepositoryIndex.read("t", folder.toUri()));
        assertTrue(e.getMessage().contains("./workbench repo index"), e.getMessage());
    }

    @Test
    void settingsKeepOtherKeysAndRejectBadNames() throws Exception {
        Path file = folder.resolve("workbench-settings.json");
        Files.writeString(file, "{\"other\": 1}");
        RepositorySettings settings = new RepositorySettings(file);
        settings.add("local", URI.create("file:/srv/plugins/"));
        assertEquals(Map.of("local", URI.create("file:/srv/plugins/")), settings.repositories());
        assertTrue(Files.readString(file).contains("\"other\": 1"));
        InvalidRequest bad = assertThrows(InvalidRequest.class, () -> settings.add("a b", URI.create("file:/x/")));
        assertTrue(bad.getMessage().contains("letters, digits"), bad.getMessage());
        assertTrue(settings.remove("local"));
        assertEquals(Map.of(), settings.repositories());
    }

    @Test
    void anUnknownSchemeIsRefusedWithWhatWouldBeValid() {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> Locations.uri("ftp://host/x", "--repo"));
        assertTrue(e.getMessage().contains("http(s)://"), e.getMessage());
    }
}
