package io.carmint.examples;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import io.carmint.car.CarFile;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.pack.CarPacker;
import io.carmint.pack.PackResult;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.unpack.EscapingSymlinkPolicy;
import io.carmint.unixfs.unpack.UnpackResult;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The {@code <pre>{@code …}</pre>} examples of Javadoc that uses the UnixFS importer or unpacker together with CAR
 * files ({@code CarWriter}, {@code Importer}, {@code Unpacker}, {@code CarPacker}), compiled here, in the first
 * module that has both, so that they cannot rot ({@code DocExamplesTest} in carmint-cli checks each marked region
 * equals its example). Compiled, not run: the examples name files a reader would supply.
 */
@SuppressWarnings("unused")
final class JavadocExamples {
  private JavadocExamples() {}

  static void carWriter(Path out, Importer importer, Path dir) throws IOException {
    // --- Javadoc example ---
    try (FileChannel ch = FileChannel.open(out, CREATE, TRUNCATE_EXISTING, WRITE)) {
      CarWriter car = CarWriter.createWithPlaceholder(ch, CarWriter.placeholder(1, Multicodec.DAG_PB,
          HashFunction.SHA2_256), CarWriteOptions.DEFAULTS);
      ImportResult r = importer.importPath(dir, car);   // blocks stream into the CAR
      car.finish(r.root());                             // patches the header
    }
    // --- end ---
  }

  static void importer(CarWriter carWriter) throws IOException {
    // --- Javadoc example ---
    Importer importer = Importer.of(ImportProfile.forName("kubo"));
    ImportResult r = importer.importPath(Path.of("site"), carWriter::put);
    System.out.println(r.root());
    // --- end ---
  }

  static void importerPackage(CarWriter carWriter) throws IOException {
    // --- Javadoc example ---
    ImportResult r = Importer.of(ImportProfile.IPFS_CAR).importPath(Path.of("nft"), carWriter::put);
    // --- end ---
  }

  static void unpacker() throws IOException {
    // --- Javadoc example ---
    try (CarFile car = CarFile.open(Path.of("site.car"))) {
      UnpackResult r = Unpacker.builder()
          .maxTotalBytes(100L << 30)                          // allow 100 GiB
          .escapingSymlinks(EscapingSymlinkPolicy.SKIP)
          .build()
          .unpack(car, car.roots().get(0), Path.of("out"));
    }
    // --- end ---
  }

  static void carPacker() throws IOException {
    // --- Javadoc example ---
    PackResult r = CarPacker.builder().importer(Importer.of(ImportProfile.IPFS_CAR)).build()
        .pack(Path.of("site"), Path.of("site.car"));
    System.out.println(r.root());
    // --- end ---
  }
}
