package io.carmint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code carmint nft --name N --description D --image FILE [--field K=V|K:=JSON|K=@FILE]...
 * [--property K=V|K:=JSON|K=@FILE]... -o token.car}: encodes one token as the nft.storage JS client's
 * {@code encodeNFT} does, writes its CAR, prints its {@code ipnft} and URL. A {@code :=} value is JSON read as
 * JavaScript's {@code JSON.parse} reads it (numbers as doubles, a repeated key's last value at its first place), so
 * the token is the one the JS client makes from the same JSON.
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
        "      One JSON object: ipnft, url, car, uploaded.",
        "  carmint nft --name N --description D --image i.png --property level:=3 -o t",
        "      A number property: JSON after := (--field sets top-level keys)."})
final class NftCommand extends ServiceCommand {
  @Option(names = "--name", paramLabel = "NAME", required = true, description = "The token's name.")
  String name;

  @Option(names = "--description", paramLabel = "TEXT", required = true,
      description = "The token's description (may be empty).")
  String description;

  @Option(names = "--image", paramLabel = "FILE", required = true, description = "The image file.")
  Path image;

  /** The --field and --property arguments, in command-line order: the metadata's keys keep it, as in JSON. */
  private final List<Map.Entry<String, String>> values = new ArrayList<>();

  @Option(names = "--field", paramLabel = "KEY=VALUE|KEY:=JSON|KEY=@FILE", parameterConsumer = InOrder.class,
      description = "A top-level field beside name, description and image, e.g. external_url=URL, attributes:=JSON, "
          + "animation_url=@FILE; forms as --property. Repeatable.")
  List<String> fields; // filled through InOrder, into values

  @Option(names = "--property", paramLabel = "KEY=VALUE|KEY:=JSON|KEY=@FILE", parameterConsumer = InOrder.class,
      description = "A property (properties.KEY): a string, a JSON value with := (number, boolean, null, array or "
          + "object, e.g. edition:=3), or a file with @ (@@ starts a string with a literal @). Repeatable. Fields "
          + "and properties keep the order given; the properties object sits where the first --property is.")
  List<String> properties; // filled through InOrder, into values

  /** Adds each {@code --field} and {@code --property} argument to {@link #values} as picocli meets it. */
  static final class InOrder implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      String option = ((OptionSpec) argSpec).longestName();
      if (args.isEmpty()) {
        throw new CommandLine.ParameterException(commandSpec.commandLine(), "Missing value for " + option);
      }
      ((NftCommand) commandSpec.userObject()).values.add(Map.entry(option, args.pop()));
    }
  }

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
    for (Map.Entry<String, String> given : values) {
      Map.Entry<String, Object> v = keyValue(given.getValue(), given.getKey());
      if (given.getKey().equals("--property")) {
        b.property(v.getKey(), v.getValue());
      } else if (OWN_OPTIONS.contains(v.getKey())) {
        throw new UsageException("--field " + v.getKey() + ": give it with --" + v.getKey());
      } else {
        b.field(v.getKey(), v.getValue());
      }
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

  /** The fields with options of their own. */
  private static final Set<String> OWN_OPTIONS = Set.of("name", "description", "image");

  /** Reads {@code :=} values: JSON.parse keeps a repeated key's last value (Jackson's tree does too). */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * @param arg {@code KEY=VALUE}, {@code KEY:=JSON} or {@code KEY=@FILE} ({@code KEY=@@…}: a string starting with @)
   * @param option the option it came with, for messages
   * @return the key, and a String, a JSON value as {@link NftMetadata.Builder#field} takes it, or a file
   */
  private static Map.Entry<String, Object> keyValue(String arg, String option) throws IOException {
    int eq = arg.indexOf('=');
    boolean json = eq > 0 && arg.charAt(eq - 1) == ':';
    String key = eq < 0 ? "" : arg.substring(0, json ? eq - 1 : eq);
    if (key.isEmpty()) {
      throw new UsageException(option + " must be KEY=VALUE, KEY:=JSON or KEY=@FILE, got '" + arg + "'");
    }
    String value = arg.substring(eq + 1);
    if (json) {
      try {
        JsonNode node = JSON.readTree(value);
        if (node == null || node.isMissingNode()) {
          throw new UsageException(option + " " + key + ":= needs a JSON value, e.g. 3, true, null or [1,2]");
        }
        return new AbstractMap.SimpleImmutableEntry<>(key, javaValue(node)); // the value may be null
      } catch (JsonProcessingException e) {
        throw new UsageException(option + " " + key + ":= takes JSON, e.g. 3, true, \"text\", [1,2] or {\"a\":1}; "
            + "got '" + value + "' (" + e.getOriginalMessage() + ")");
      }
    }
    Object v = value.startsWith("@@") ? value.substring(1)
        : value.startsWith("@") ? file(Path.of(value.substring(1))) : value;
    return Map.entry(key, v);
  }

  /** @return {@code node} as the metadata builder takes it: String, Number, Boolean, null, List or Map */
  private static Object javaValue(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), javaValue(e.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(javaValue(item)));
      return list;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.textValue();
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
