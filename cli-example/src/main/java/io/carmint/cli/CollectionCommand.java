package io.carmint.cli;

import io.carmint.client.NftStorageClient;
import io.carmint.client.NftStorageClientBuilder;
import io.carmint.client.UploadListener;
import io.carmint.nft.CollectionResult;
import io.carmint.nft.MissingImagesException;
import io.carmint.nft.NftCollection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carmint collection IMAGES_DIR METADATA_DIR -o OUT_DIR}: packs a generative collection's images, points
 * every metadata file's image links at them (changing nothing else), packs the metadata, prints the base URI.
 */
@Command(name = "collection", mixinStandardHelpOptions = true,
    description = {"Make a generative collection ready to mint: pack IMAGES_DIR (its root CID is what "
        + "'ipfs-car pack IMAGES_DIR' prints), rewrite in every JSON file of METADATA_DIR each image, image_url and "
        + "animation_url whose last path segment names an image (ipfs://NewUriToReplace/1.png, 1.png, images/1.png) "
        + "to ipfs://<imagesCid>/<name>, changing no other byte, and pack the result.",
        "Writes OUT_DIR/images.car, OUT_DIR/metadata/ and OUT_DIR/metadata.car; prints the images CID, the metadata "
            + "CID and the contract's base URI (ipfs://<metadataCid>/). References to images that do not exist are "
            + "all listed, and nothing is written (exit 1)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint collection images metadata -o out",
        "      Write out/images.car, out/metadata/, out/metadata.car; print the base URI.",
        "  carmint collection images metadata -o out --upload",
        "      Then upload both CARs; the service must confirm both roots.",
        "  carmint collection images metadata -o out --json",
        "      One JSON object: imagesCid, metadataCid, baseUri, tokens, … (see README)."})
final class CollectionCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "IMAGES_DIR", description = "The images folder (1.png … N.png).")
  Path images;

  @Parameters(index = "1", paramLabel = "METADATA_DIR",
      description = "The metadata folder (1.json … N.json, _metadata.json; files without extension are read as JSON "
          + "when they start with { or [; other files are packed as they are).")
  Path metadata;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT_DIR", required = true,
      description = "Where images.car, metadata/ and metadata.car go (metadata/ must not exist or be empty).")
  Path output;

  @Mixin
  DagOptions dag;

  @Option(names = "--json", description = "Print one JSON object: imagesCid, metadataCid, baseUri, tokens, "
      + "imagesCar, metadataCar, uploaded (see README).")
  boolean json;

  @Option(names = "--upload", description = "Also upload both CARs to the service (--endpoint, "
      + "$NFT_STORAGE_TOKEN), which must answer with their root CIDs.")
  boolean upload;

  @Override
  public Integer call() throws IOException {
    NftStorageClientBuilder client = upload ? service.clientBuilder(true) : null; // usage errors before any work
    CollectionResult r;
    try (ProgressBar bar = ProgressBar.start(Main.of(spec), err(), "collection", -1)) {
      try {
        NftCollection.Builder collection = NftCollection.builder().images(images).metadata(metadata).output(output)
            .profile(dag.profile());
        if (bar.shown()) {
          collection.progress((done, total) -> {
            bar.total(total);
            bar.done(done);
          });
        }
        r = collection.build().write();
      } catch (MissingImagesException e) {
        PrintWriter err = err();
        bar.erase();
        for (MissingImagesException.MissingImage m : e.references()) {
          err.println("carmint: " + m + ": no such image in " + images);
        }
        err.flush();
        throw new ProblemException(e.references().size() + (e.references().size() == 1 ? " reference"
            : " references") + " to missing images; nothing written");
      }
      if (client != null) {
        try (NftStorageClient c = client.build()) {
          UploadListener sent = new UploadListener() {
            @Override
            public void onProgress(long done, long total) {
              bar.total(total);
              bar.done(done);
            }
          };
          c.storeCar(r.imagesCar(), sent); // each piece's answer must name the CAR's root
          c.storeCar(r.metadataCar(), sent);
        }
      }
    }
    PrintWriter out = out();
    if (json) {
      Json.print(out, Json.object().put("imagesCid", r.imagesCid().toString())
          .put("metadataCid", r.metadataCid().toString()).put("baseUri", r.baseUri()).put("tokens", r.tokens())
          .put("imagesCar", r.imagesCar().toString()).put("metadataCar", r.metadataCar().toString())
          .put("uploaded", upload));
    } else {
      out.println("images: " + r.imagesCid());
      out.println("metadata: " + r.metadataCid());
      out.println("base URI: " + r.baseUri());
    }
    out.flush();
    return Main.EXIT_OK;
  }
}
