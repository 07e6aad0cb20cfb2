package io.carmint.client.gateway;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to fetch and where to put it: the content itself ({@link #content}), a CAR of the verified blocks
 * ({@link #car}), or nothing, the blocks only checked ({@link #verify}). Immutable.
 *
 * @param path the content path
 * @param scope which blocks below its end ({@link DagScope#ALL} for {@link Target#CONTENT})
 * @param target what is written
 * @param output the file or directory written; null for {@link Target#NONE}
 * @param listener hears of progress
 */
public record FetchRequest(IpfsPath path, DagScope scope, Target target, Path output, FetchListener listener) {
  /** What a fetch writes. */
  public enum Target {
    /** The content: a file's bytes, or a directory tree (see {@link TrustlessGatewayClient#fetch(IpfsPath, Path)}). */
    CONTENT,
    /** A CARv1 of the verified blocks (see {@link TrustlessGatewayClient#fetchCar}). */
    CAR,
    /** Nothing: the blocks are verified and dropped. */
    NONE
  }

  /**
   * Checks the combination.
   *
   * @param path the content path
   * @param scope which blocks below its end ({@link DagScope#ALL} for {@link Target#CONTENT})
   * @param target what is written
   * @param output the file or directory written; null for {@link Target#NONE}
   * @param listener hears of progress
   * @throws NullPointerException if a component other than {@code output} is null, or {@code output} is null for
   *     a target that writes
   * @throws IllegalArgumentException if {@code target} is {@link Target#CONTENT} with another scope than
   *     {@link DagScope#ALL}, or {@link Target#NONE} with an output
   */
  public FetchRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(listener, "listener");
    if (target == Target.NONE) {
      if (output != null) {
        throw new IllegalArgumentException("A fetch that only verifies writes no output");
      }
    } else {
      Objects.requireNonNull(output, "output");
    }
    if (target == Target.CONTENT && scope != DagScope.ALL) {
      throw new IllegalArgumentException("Writing content needs all of it (scope all), not scope " + scope.wireName()
          + "; fetch a partial DAG as a CAR");
    }
  }

  /**
   * @param path the content path
   * @param out where the file or directory goes
   * @return a request for the content at {@code path}, written to {@code out} (which must not exist)
   */
  public static FetchRequest content(IpfsPath path, Path out) {
    return new FetchRequest(path, DagScope.ALL, Target.CONTENT, out, FetchListener.NONE);
  }

  /**
   * @param path the content path
   * @param scope which blocks beyond the path
   * @param car where the CAR goes
   * @return a request for the verified blocks of {@code path} in {@code scope}, written as a CAR to {@code car}
   */
  public static FetchRequest car(IpfsPath path, DagScope scope, Path car) {
    return new FetchRequest(path, scope, Target.CAR, car, FetchListener.NONE);
  }

  /**
   * @param path the content path
   * @param scope which blocks beyond the path
   * @return a request that retrieves and verifies the blocks of {@code path} in {@code scope}, writing nothing
   */
  public static FetchRequest verify(IpfsPath path, DagScope scope) {
    return new FetchRequest(path, scope, Target.NONE, null, FetchListener.NONE);
  }

  /**
   * @param value told of the fetch's progress
   * @return this request with {@code value} as its listener
   */
  public FetchRequest listener(FetchListener value) {
    return new FetchRequest(path, scope, target, output, value);
  }
}
