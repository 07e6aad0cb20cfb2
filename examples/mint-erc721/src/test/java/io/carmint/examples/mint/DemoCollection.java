package io.carmint.examples.mint;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A small generative collection as art tools write it, before anything is uploaded: {@code images/1.png … N.png}
 * and {@code metadata/1 … N} (named by token id, without extension, since OpenZeppelin's {@code tokenURI} is the base
 * URI followed by the id) plus {@code metadata/_metadata.json}, every image linked by the placeholder
 * {@code ipfs://NewUriToReplace/<n>.png}.
 */
final class DemoCollection {
  static final String PLACEHOLDER = "ipfs://NewUriToReplace/";
  private static final String[] COLOURS = {"red", "green", "blue", "orange", "purple"};
  private static final Color[] RGB = {Color.RED, Color.GREEN, Color.BLUE, Color.ORANGE, Color.MAGENTA};

  private DemoCollection() {}

  /**
   * Writes {@code tokens} tokens (at most 5) into {@code dir/images} and {@code dir/metadata}.
   *
   * @return the two folders, images first
   */
  static List<Path> write(Path dir, int tokens) throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    List<String> all = new ArrayList<>();
    for (int i = 1; i <= tokens; i++) {
      BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setColor(RGB[i - 1]);
      g.fillRect(0, 0, 32, 32);
      g.setColor(Color.WHITE);
      g.fillOval(8, 8, 16, 16);
      g.dispose();
      ImageIO.write(img, "png", images.resolve(i + ".png").toFile());
      String json = "{\n  \"name\": \"carmint dot #" + i + "\",\n"
          + "  \"description\": \"A " + COLOURS[i - 1] + " square with a white dot.\",\n"
          + "  \"image\": \"" + PLACEHOLDER + i + ".png\",\n"
          + "  \"attributes\": [{\"trait_type\": \"colour\", \"value\": \"" + COLOURS[i - 1] + "\"}]\n}\n";
      Files.writeString(metadata.resolve(Integer.toString(i)), json);
      all.add(json.strip());
    }
    Files.writeString(metadata.resolve("_metadata.json"), "[" + String.join(",\n", all) + "]\n");
    return List.of(images, metadata);
  }
}
