package io.carmint.client;

import java.util.Optional;

/** Helpers of the response records. */
final class Models {
  private Models() {
  }

  /** @return {@code value}, or empty if it is null: a record built with a null {@link Optional} holds an empty one */
  static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }
}
