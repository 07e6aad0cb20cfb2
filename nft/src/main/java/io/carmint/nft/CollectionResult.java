package io.carmint.nft;

import io.carmint.multiformats.Cid;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link NftCollection#write()} produced.
 *
 * @param imagesCid the images folder's root CID (what {@code ipfs-car pack IMAGES_DIR} prints with the default
 *     profile)
 * @param metadataCid the root CID of the rewritten metadata folder
 * @param tokens the token objects in the per-token files (files whose top level is an object); when there are
 *     none, the token objects in the array files. Aggregate arrays such as {@code _metadata.json} repeat the
 *     per-token files and are not counted again.
 * @param metadataFiles the files written to the metadata folder (JSON and others)
 * @param links the image references rewritten, in all files
 * @param imagesCar the images CAR ({@code OUT_DIR/images.car})
 * @param metadataCar the metadata CAR ({@code OUT_DIR/metadata.car})
 * @param metadataDir the rewritten metadata folder ({@code OUT_DIR/metadata})
 */
public record CollectionResult(Cid imagesCid, Cid metadataCid, long tokens, long metadataFiles, long links,
    Path imagesCar, Path metadataCar, Path metadataDir) {
  /**
   * @param imagesCid the images folder's root CID (what {@code ipfs-car pack IMAGES_DIR} prints with the default
   *     profile)
   * @param metadataCid the root CID of the rewritten metadata folder
   * @param tokens the token objects in the per-token files (files whose top level is an object); when there are none,
   *     the token objects in the array files. Aggregate arrays such as {@code _metadata.json} repeat the per-token
   *     files and are not counted again.
   * @param metadataFiles the files written to the metadata folder (JSON and others)
   * @param links the image references rewritten, in all files
   * @param imagesCar the images CAR ({@code OUT_DIR/images.car})
   * @param metadataCar the metadata CAR ({@code OUT_DIR/metadata.car})
   * @param metadataDir the rewritten metadata folder ({@code OUT_DIR/metadata})
   * @throws NullPointerException if a component is null
   */
  public CollectionResult {
    Objects.requireNonNull(imagesCid, "imagesCid");
    Objects.requireNonNull(metadataCid, "metadataCid");
    Objects.requireNonNull(imagesCar, "imagesCar");
    Objects.requireNonNull(metadataCar, "metadataCar");
    Objects.requireNonNull(metadataDir, "metadataDir");
  }

  /** @return the contract's base URI: {@code ipfs://<metadataCid>/}, to which a token's file name is appended */
  public String baseUri() {
    return "ipfs://" + metadataCid + "/";
  }
}
