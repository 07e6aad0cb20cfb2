package io.carmint.cli;

import io.carmint.block.BlockSink;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multibase;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint cid PATH}: imports a file, a directory tree or standard input with a profile and prints the root
 * CID, computing every block but storing none.
 */
@Command(name = "cid", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print the root CID that a profile's reference tool computes for PATH (a file, a directory, or - "
        + "for standard input), without storing anything; 'carmint pack' writes the same DAG to a CAR.",
        "Profiles: ipfs-car (default: as 'ipfs-car pack PATH', which wraps a single file in a directory unless "
        + "--no-wrap), nft.storage, unixfs-v1-2025, unixfs-v0-2015 (alias kubo; 'ipfs add'), kubo-v1 ('ipfs add "
        + "--cid-version=1'), kubo-trickle ('ipfs add --trickle'). Options override the profile one by one; as in Kubo, --cid-version 1 turns on raw "
        + "leaves unless --no-raw-leaves is given, and a --hash other than sha2-256 implies CID version 1."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint cid photos",
        "      The root 'ipfs-car pack photos' would print.",
        "  carmint cid photos --profile kubo",
        "      The CID 'ipfs add -r photos' prints (CIDv0).",
        "  echo hello | carmint cid - --base base36",
        "      Standard input as one file, printed in base36.",
        "  carmint cid photos --json",
        "      One JSON object: cid, profile, dagSize, contentBytes, blocks."})
final class CidCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "A file, a directory, or - for standard input.")
  Path path;

  @Mixin
  DagOptions dag;

  @Option(names = "--base", paramLabel = "NAME",
      description = "Multibase of the printed CID, e.g. base32, base36, base58btc. A CIDv0 printed in another base "
          + "than base58btc is shown as the equal CIDv1.")
  String base;

  @Option(names = "--json", description = "Print one JSON object: cid, profile, sizes, blocks.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    boolean stdin = CarInputs.isStdin(path);
    ImportProfile p = stdin ? dag.profile() : dag.profile(path);
    Multibase mb = multibase();
    if (stdin && p.wrap()) {
      throw new UsageException("--wrap needs a name; standard input has none");
    }
    Importer importer = Importer.of(p);
    BlockSink discard = BlockSink.discard();
    ImportResult r = stdin ? importer.importStream(Main.of(spec).console().in(), discard) : importer.importPath(path, discard);
    String cid = format(r.root(), mb);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, Json.object().put("cid", cid).put("profile", p.name()).put("dagSize", r.dagSize())
          .put("contentBytes", r.contentBytes()).put("blocks", r.blocks()));
    } else {
      out.println(cid);
    }
    out.flush();
    return Main.EXIT_OK;
  }

  private Multibase multibase() {
    if (base == null) {
      return null;
    }
    try {
      return Multibase.forName(base);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static String format(Cid cid, Multibase base) {
    if (base == null) {
      return cid.toString();
    }
    if (cid.version() == 0 && base != Multibase.BASE58_BTC) {
      return cid.toV1().toString(base);
    }
    return cid.toString(base);
  }
}
