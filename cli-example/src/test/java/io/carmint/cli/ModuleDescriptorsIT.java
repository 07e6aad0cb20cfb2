package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packaged jars are JPMS modules that resolve on the module path with their real dependencies, and each exports
 * exactly its API packages: a broken or widened {@code module-info.java} fails here.
 */
class ModuleDescriptorsIT {
  /** Every carmint library module and the packages it exports to everyone. */
  private static final Map<String, Set<String>> EXPORTS = Map.of(
      "io.carmint.multiformats",
      Set.of("io.carmint.multiformats", "io.carmint.block", "io.carmint.dagcbor", "io.carmint.dagpb"),
      "io.carmint.unixfs",
      Set.of("io.carmint.unixfs", "io.carmint.unixfs.chunk", "io.carmint.unixfs.exporter", "io.carmint.unixfs.hamt",
          "io.carmint.unixfs.importer", "io.carmint.unixfs.layout", "io.carmint.unixfs.unpack"),
      "io.carmint.car",
      Set.of("io.carmint.car", "io.carmint.car.dag", "io.carmint.car.index", "io.carmint.car.split"),
      "io.carmint.pack", Set.of("io.carmint.pack"),
      "io.carmint.nft", Set.of("io.carmint.nft"),
      "io.carmint.client", Set.of("io.carmint.client", "io.carmint.client.gateway"),
      "io.carmint.testkit", Set.of("io.carmint.testkit", "io.carmint.testkit.junit"));

  @Test
  void eachModuleResolvesAndExportsExactlyItsApi() throws Exception {
    ModuleFinder finder = ModuleFinder.of(PackagedJars.runtimeClasspath().toArray(Path[]::new));
    Set<String> roots = new HashSet<>(EXPORTS.keySet());
    roots.add("org.bouncycastle.provider"); // optional for multiformats (requires static): resolved here on purpose
    Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), roots);

    for (Map.Entry<String, Set<String>> e : EXPORTS.entrySet()) {
      ResolvedModule module = cf.findModule(e.getKey()).orElseThrow();
      String location = module.reference().location().orElseThrow().toString();
      assertTrue(location.endsWith(".jar"), () -> e.getKey() + " is not a packaged jar: " + location);
      ModuleDescriptor d = module.reference().descriptor();
      Set<String> exported = d.exports().stream().filter(x -> !x.isQualified()).map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<>(e.getValue()), exported, () -> e.getKey() + " exports");
      for (ModuleDescriptor.Exports x : d.exports()) {
        if (x.isQualified()) {
          assertTrue(x.targets().stream().allMatch(t -> t.startsWith("io.carmint.")),
              () -> e.getKey() + " exports " + x.source() + " to " + x.targets());
        }
      }
      Set<String> hidden = new TreeSet<>(d.packages());
      hidden.removeAll(exported);
      assertTrue(hidden.stream().allMatch(p -> p.contains(".internal")),
          () -> e.getKey() + " has packages neither exported nor internal: " + hidden);
    }

    // And they run there: a CID is parsed and a BLAKE2b multihash computed (Bouncy Castle read through
    // `requires static`) inside a module layer built from the jars alone.
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    ClassLoader loader = layer.findLoader("io.carmint.multiformats");
    Class<?> cid = Class.forName("io.carmint.multiformats.Cid", true, loader);
    assertEquals("io.carmint.multiformats", cid.getModule().getName());
    Object parsed = cid.getMethod("parse", CharSequence.class)
        .invoke(null, "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", parsed.toString());
    PackagedJars.assertBlake2bWorks(loader);
  }
}
