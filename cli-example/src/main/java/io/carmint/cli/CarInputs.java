package io.carmint.cli;

import io.carmint.car.CarFile;
import io.carmint.car.CarHeaderException;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.car.TruncatedCarException;
import io.carmint.car.UnsupportedCarVersionException;
import io.carmint.multiformats.DataException;
import io.carmint.multiformats.Cid;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/** Opens the CAR argument of a command: a file, or standard input for {@code -}. */
final class CarInputs {
  private CarInputs() {}

  /** @return whether the argument names standard input */
  static boolean isStdin(Path car) {
    return car.toString().equals("-");
  }

  /**
   * @param stdin standard input
   * @return a stream over the file, or over standard input (not closed by closing the stream) for {@code -}
   */
  static InputStream open(Path car, InputStream stdin) throws IOException {
    requireFile(car);
    if (isStdin(car)) {
      return new FilterInputStream(stdin) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return Files.newInputStream(car);
  }

  /**
   * A CAR opened for random access; for standard input, a copy in a temporary file that is deleted on close.
   *
   * @param file the CAR
   * @param copy the temporary copy's channel, or null
   */
  record RandomAccessCar(CarFile file, FileChannel copy) implements Closeable {
    @Override
    public void close() throws IOException {
      try {
        file.close();
      } finally {
        if (copy != null) {
          copy.close();
        }
      }
    }
  }

  /**
   * Opens a CAR for random access (block hashes checked on every read). Standard input ({@code -}) is first copied
   * to a temporary file, as ipfs-car does.
   */
  static RandomAccessCar openRandomAccess(Path car, InputStream stdin) throws IOException {
    requireFile(car);
    if (!isStdin(car)) {
      try {
        return new RandomAccessCar(CarFile.open(car, CarReadOptions.DEFAULTS), null);
      } catch (IOException e) {
        throw named(car, e);
      }
    }
    FileChannel ch = channel(car, stdin);
    try {
      return new RandomAccessCar(CarFile.open(ch, CarReadOptions.DEFAULTS), ch);
    } catch (IOException e) {
      ch.close();
      throw named(car, e);
    } catch (RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Opens the argument as a readable file channel; standard input ({@code -}) is first copied to a temporary file,
   * deleted when the channel is closed.
   *
   * @param stdin standard input, read for {@code -}
   */
  static FileChannel channel(Path car, InputStream stdin) throws IOException {
    requireFile(car);
    if (!isStdin(car)) {
      return FileChannel.open(car, StandardOpenOption.READ);
    }
    Path temp = Files.createTempFile("carmint-stdin-", ".car");
    FileChannel ch = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE,
        StandardOpenOption.DELETE_ON_CLOSE);
    try {
      try (InputStream in = open(car, stdin)) {
        in.transferTo(Channels.newOutputStream(ch));
      }
      ch.position(0);
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Opens a CAR for reading in order; a failure in its header says that the input is not a CAR.
   *
   * @param stdin standard input, read for {@code -}
   */
  static CarReader reader(Path car, InputStream stdin, CarReadOptions options) throws IOException {
    InputStream in = open(car, stdin);
    try {
      return CarReader.open(in, options);
    } catch (IOException e) {
      in.close();
      throw named(car, e);
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * @throws ProblemException naming {@code path} if it is a directory (reading one fails with a bare "Is a
   *     directory" that does not say which)
   */
  static void requireFile(Path path) {
    if (!isStdin(path) && Files.isDirectory(path)) {
      throw new ProblemException("Is a directory: " + path + " (a CAR file is expected)");
    }
  }

  /**
   * A failure of a CAR's data while opening it, worded for the user: at the very start of the input, {@code not a
   * CAR file: NAME (why)}; further in (random access indexes every section when opening), or a CAR of a version the
   * command does not take, {@code NAME: message}.
   * Other failures (a file that cannot be read) are returned as they are.
   */
  static IOException named(Path car, IOException e) {
    boolean data = e instanceof DataException || e instanceof TruncatedCarException;
    if (!data) { // a CarInputException among them: already named
      return e;
    }
    long offset = e instanceof DataException d ? d.offset() : ((TruncatedCarException) e).offset();
    String name = isStdin(car) ? "standard input" : car.toString();
    String message = e.getMessage();
    if ((offset == 0 || e instanceof CarHeaderException) && !(e instanceof UnsupportedCarVersionException)) {
      return new CarInputException("not a CAR file: " + name + " (" + message + ")", e);
    }
    return new CarInputException(name + ": " + message, e);
  }

  /** A failure of a CAR's data with the CAR named in its message; the library's exception is its cause. */
  static final class CarInputException extends IOException {
    private static final long serialVersionUID = 1L;

    CarInputException(String message, IOException cause) {
      super(message, cause);
    }
  }

  /**
   * The root a command works from: {@code given} if set, else the CAR's only root.
   *
   * @throws UsageException if the CAR has no root or several and none is given
   */
  static Cid root(CarFile car, Cid given) {
    if (given != null) {
      return given;
    }
    List<Cid> roots = car.roots();
    if (roots.size() == 1) {
      return roots.get(0);
    }
    throw new UsageException("The CAR has " + (roots.isEmpty() ? "no root" : roots.size() + " roots ("
        + roots.stream().map(Cid::toString).collect(Collectors.joining(", ")) + ")") + "; choose one with --root");
  }
}
