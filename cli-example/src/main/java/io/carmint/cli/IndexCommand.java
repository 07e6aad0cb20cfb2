package io.carmint.cli;

import io.carmint.car.CarIndexer;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarV2WriteOptions;
import io.carmint.car.index.CarIndex;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint index CAR [-o OUT]}: a CARv1 as a CARv2 with an index, or a CARv2 with its index rebuilt, with
 * {@link CarIndexer}; {@code --index-only} writes the index alone. The output is built in full before it is
 * delivered (see {@link FileOutput}).
 *
 * <p>Prints one line, to stderr when the output goes to stdout: {@code indexed CAR into OUT: CARv2, N-byte payload,
 * CODEC index of N entries, N bytes}. {@code --json}: {@code {"car", "output", "indexCodec", "indexEntries",
 * "bytes", "dataSize", "indexOffset"}} (the last two null with {@code --index-only}; {@code output} null for stdout).
 */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Write a CAR as a CARv2 with a freshly built index: a CARv1 is wrapped, a CARv2 gets its payload "
        + "copied byte for byte behind a new header (no padding) and a new index, whatever index it had. The "
        + "bytes are go-car's (car.WrapV1; car index create for --index-only): a car-multihash-index-sorted index "
        + "that leaves identity CIDs out.",
        "The CAR's structure is checked (block hashes are not: see verify); nothing is written unless it is sound.",
        "Without -o, the CARv2 goes to standard output when that is not a terminal."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint index site.car -o site-v2.car",
        "      A CARv1 as a CARv2 with an index.",
        "  carmint index site-v2.car -o fixed.car",
        "      A CARv2 with its index rebuilt.",
        "  carmint index site.car --index-only -o site.carindex",
        "      The index alone, as go-car's car index create writes it.",
        "  carmint index - < site.car > site-v2.car",
        "      Standard input to standard output; the summary goes to standard error."})
final class IndexCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR (v1 or v2), or - for standard input (copied to "
      + "a temporary file).")
  Path car;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write; - for standard output.")
  Path output;

  @Option(names = "--codec", paramLabel = "CODEC", defaultValue = "car-multihash-index-sorted",
      description = "car-multihash-index-sorted (default, as go-car) or car-index-sorted.")
  String codec;

  @Option(names = "--store-identity-cids", description = "Index blocks with identity CIDs too and mark the CAR fully "
      + "indexed (go-car's StoreIdentityCIDs).")
  boolean storeIdentityCids;

  @Option(names = "--index-only", description = "Write only the index (go-car's car index create), not the CARv2.")
  boolean indexOnly;

  @Option(names = "--json", description = "Print one JSON object: car, output, indexCodec, indexEntries, bytes, "
      + "dataSize, indexOffset.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Multicodec indexCodec = switch (codec) {
      case "car-multihash-index-sorted" -> Multicodec.CAR_MULTIHASH_INDEX_SORTED;
      case "car-index-sorted" -> Multicodec.CAR_INDEX_SORTED;
      default -> throw new UsageException("Unknown --codec " + Printable.field(codec)
          + "; use car-multihash-index-sorted or car-index-sorted");
    };
    FileOutput to = FileOutput.of(spec, output);
    CarV2WriteOptions options = CarV2WriteOptions.builder().indexCodec(indexCodec)
        .storeIdentityCids(storeIdentityCids).build();
    CarIndexer.Written w;
    try (FileChannel in = CarInputs.channel(car, Main.of(spec).console().in())) {
      w = to.write(out -> {
        if (!indexOnly) {
          return CarIndexer.writeIndexed(in, out, CarReadOptions.DEFAULTS, options);
        }
        CarIndex index = CarIndexer.build(in, CarReadOptions.DEFAULTS, options);
        ByteBuffer b = ByteBuffer.wrap(index.toBytes());
        while (b.hasRemaining()) {
          out.write(b);
        }
        return new CarIndexer.Written(null, index.codec(), index.size(), b.capacity());
      });
    } catch (IOException e) {
      throw CarInputs.named(car, e);
    }
    PrintWriter report = to.report();
    if (json) {
      Json.print(report, Json.object().put("car", car.toString()).put("output", to.json())
          .put("indexCodec", w.indexCodec().name()).put("indexEntries", w.indexEntries()).put("bytes", w.bytes())
          .put("dataSize", indexOnly ? null : w.header().dataSize())
          .put("indexOffset", indexOnly ? null : w.header().indexOffset()));
    } else {
      report.println(String.format(Locale.ROOT, "indexed %s into %s: %s%s index of %,d entries, %,d bytes",
          car, to.name(), indexOnly ? "" : String.format(Locale.ROOT, "CARv2, %,d-byte payload, ",
          w.header().dataSize()), w.indexCodec().name(), w.indexEntries(), w.bytes()));
    }
    report.flush();
    return Main.EXIT_OK;
  }
}
