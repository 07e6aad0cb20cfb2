package io.carmint.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the CAR argument of a command: a file, or standard input for {@code -}. */
final class CarInputs {
  private CarInputs() {}

  /** @return whether the argument names standard input */
  static boolean isStdin(Path car) {
    return car.toString().equals("-");
  }

  /** @return a stream over the file, or over standard input (not closed by closing the stream) for {@code -} */
  static InputStream open(Path car) throws IOException {
    if (isStdin(car)) {
      return new FilterInputStream(System.in) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return Files.newInputStream(car);
  }
}
