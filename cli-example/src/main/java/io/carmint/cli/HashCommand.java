package io.carmint.cli;

import io.carmint.car.CarFormatException;
import io.carmint.car.CarHash;
import io.carmint.car.CarReadOptions;
import io.carmint.car.TruncatedCarException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multibase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint hash [CAR]}: the CID of a CAR file itself, as {@code ipfs-car hash} prints it (CIDv1, codec
 * {@code car} 0x0202, sha2-256 of the file's bytes), with {@link CarHash}.
 *
 * <p>{@code --json}: {@code {"car": "…", "cid": "bagbaiera…", "multihash": "zQm…"}} ({@code car} is {@code "-"} for
 * standard input).
 */
@Command(name = "hash", mixinStandardHelpOptions = true,
    description = {"Print the CID of a CAR file itself, as ipfs-car hash does: CIDv1 with codec car (0x0202) over the "
        + "sha2-256 of the file's bytes (bagbaiera…). It names these exact bytes, not the DAG: the root CID in "
        + "the header does that.",
        "The file is read once, as a stream. Unless --no-check, it is read as a CAR on the way (headers, section "
            + "lengths and CIDs, a CARv2 index; block hashes are not checked: see verify), and bytes that are not "
            + "a CAR give exit code 1."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint hash site.car",
        "      The CID of the file site.car (bagbaiera…), as ipfs-car hash prints it.",
        "  carmint hash site.car --only-multihash",
        "      Its base58btc multihash (zQm…).",
        "  cat site.car | carmint hash --json",
        "      From standard input; print {\"car\":\"-\",\"cid\",\"multihash\"}."})
final class HashCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "CAR",
      description = "The CAR file, or - for standard input (the default when it is not a terminal).")
  Path car;

  @Option(names = {"-m", "--only-multihash"}, description = "Print the base58btc multihash (zQm…) instead of the CID.")
  boolean onlyMultihash;

  @Option(names = "--no-check", description = "Hash any bytes, without reading them as a CAR (ipfs-car checks "
      + "nothing).")
  boolean noCheck;

  @Option(names = "--json", description = "Print one JSON object: car, cid, multihash.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (car == null) {
      if (Main.of(spec).console().inIsTerminal()) {
        throw new UsageException("Give a CAR file, or pipe one in (standard input is a terminal)");
      }
      car = Path.of("-");
    }
    Cid cid;
    try (InputStream in = CarInputs.open(car, Main.of(spec).console().in())) {
      cid = noCheck ? CarHash.of(in) : CarHash.ofCar(in, CarReadOptions.DEFAULTS);
    } catch (CarFormatException | TruncatedCarException e) {
      String name = CarInputs.isStdin(car) ? "standard input" : car.toString();
      throw new CarInputs.CarInputException("not a CAR file: " + name + " (" + e.getMessage() + "); --no-check "
          + "hashes any bytes", e);
    }
    String multihash = Multibase.BASE58_BTC.encode(cid.multihash().toBytes());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, Json.object().put("car", car.toString()).put("cid", cid.toString()).put("multihash", multihash));
    } else {
      out.println(onlyMultihash ? multihash : cid.toString());
      out.flush();
    }
    return Main.EXIT_OK;
  }
}
