package io.carmint.testkit;

import java.nio.file.Path;

/** Runs a service on a data directory in a process of its own, so that a test can kill it with SIGKILL. */
public final class ServeMain {
  private ServeMain() {
  }

  /** @param args data directory, token */
  public static void main(String[] args) throws Exception {
    LocalNftStorage s = LocalNftStorage.builder().dataDirectory(Path.of(args[0])).token(args[1]).build().start();
    System.out.println("PORT " + s.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
