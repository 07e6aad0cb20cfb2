package io.carmint.cli;

import io.carmint.client.NftStorageClient;
import io.carmint.client.NftStorageClientBuilder;
import io.carmint.nft.NftAsset;
import io.carmint.nft.NftMetadata;
import io.carmint.nft.NftToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carmint nft --name N --description D --image FILE [--property K=V|K=@FILE]... -o token.car}: encodes one
 * token as the nft.storage JS client's {@code encodeNFT} does, writes its CAR, prints its {@code ipnft} and URL.
 */
@Command(name = "nft", mixinStandardHelpOptions = true,
    description = {"Encode one NFT's metadata and files exactly as the nft.storage JS client 7.2.0 does "
        + "(encodeNFT: the same ipnft and metadata.json), and write the token's CAR.",
        "Prints the ipnft CID and the token URL (ipfs://<ipnft>/metadata.json) for the contract. With --upload the "
            + "CAR is sent to the configured service, which must answer with that ipnft (as 'upload' checks)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint nft --name 'Cat #1' --description 'A cat' --image cat.png -o cat.car",
        "      Print the ipnft and ipfs://<ipnft>/metadata.json, the token URI.",
        "  carmint nft --name N --description D --image a.png -o a.car --upload",
        "      Also upload the CAR; the service must answer with the same ipnft.",
        "  carmint nft --name N --description D --image cat.png -o cat.car --json",
        "      One JSON object: ipnft, url, car, uploaded."})
final class NftCommand extends ServiceCommand {
  @Option(names = "--name", paramLabel = "NAME", required = true, description = "The token's name.")
  String name;

  @Option(names = "--description", paramLabel = "TEXT", required = true,
      description = "The token's description (may be empty).")
  String description;

  @Option(names = "--image", paramLabel = "FILE", required = true, description = "The image file.")
  Path image;

  @Option(names = "--property", paramLabel = "KEY=VALUE|KEY=@FILE",
      description = "A property: a string value, or a file with @ (@@ starts a value with a literal @). Repeatable; "
          + "kept in the order given.")
  List<String> properties = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "TOKEN.car", required = true,
      description = "The CAR file to write (root: the ipnft).")
  Path output;

  @Option(names = "--json", description = "Print one JSON object: ipnft, url, car, uploaded (see README).")
  boolean json;

  @Option(names = "--upload", description = "Also upload the CAR to the service (--endpoint, $NFT_STORAGE_TOKEN).")
  boolean upload;

  @Override
  public Integer call() throws IOException {
    NftMetadata.Builder b = NftMetadata.builder().name(name).description(description).image(file(image));
    for (String p : properties) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--property must be KEY=VALUE or KEY=@FILE, got '" + p + "'");
      }
      String value = p.substring(eq + 1);
      Object v = value.startsWith("@@") ? value.substring(1)
          : value.startsWith("@") ? file(Path.of(value.substring(1))) : value;
      b.property(p.substring(0, eq), v);
    }
    NftMetadata metadata = b.build();
    Outputs.requireWritableFile(output);
    NftStorageClientBuilder client = upload ? service.clientBuilder(true) : null; // usage errors before any work
    NftToken token = metadata.encode(output);
    if (client != null) {
      try (NftStorageClient c = client.build()) {
        c.storeCar(output); // every answer must name the CAR's root, the ipnft
      }
    }
    PrintWriter out = out();
    if (json) {
      Json.print(out, Json.object().put("ipnft", token.ipnft().toString()).put("url", token.url())
          .put("car", output.toString()).put("uploaded", upload));
    } else {
      out.println(token.ipnft());
      out.println(token.url());
    }
    out.flush();
    return Main.EXIT_OK;
  }

  private static NftAsset file(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      throw new ProblemException("Is a directory: " + p + " (a file is expected)");
    }
    if (!Files.isRegularFile(p)) {
      throw new NoSuchFileException(p.toString()); // as pack: a missing input is a problem found, exit 1
    }
    return NftAsset.of(p);
  }
}
