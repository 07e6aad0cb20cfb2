package io.carmint.benchmarks;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** CID text encoding and parsing: base32 (CIDv1) and base58btc (CIDv0), as printed for every block listed. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MultibaseBenchmark {
  private Cid v1;
  private Cid v0;
  private String v1Text;
  private String v0Text;

  @Setup
  public void setup() {
    v1 = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(new byte[] {1, 2, 3}));
    v0 = Cid.v0(HashFunction.SHA2_256.digest(new byte[] {4, 5, 6}));
    v1Text = v1.toString();
    v0Text = v0.toString();
  }

  @Benchmark
  public String base32Encode() {
    return Cid.decode(v1.toBytes()).toString();
  }

  @Benchmark
  public String base58Encode() {
    return Cid.decode(v0.toBytes()).toString();
  }

  @Benchmark
  public Cid base32Parse() {
    return Cid.parse(v1Text);
  }

  @Benchmark
  public Cid base58Parse() {
    return Cid.parse(v0Text);
  }
}
