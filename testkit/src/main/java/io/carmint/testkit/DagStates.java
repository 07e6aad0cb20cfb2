package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.car.dag.LinkDecoder;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The state of each upload's DAG, kept up to date as blocks arrive so that status, check and list read it in O(1):
 * {@linkplain Status#COMPLETE complete} (pin {@code pinned}), {@linkplain Status#PARTIAL not yet}
 * ({@code pinning}), or {@linkplain Status#FAILED failed} ({@code failed}: a block of it is damaged in storage or
 * does not decode).
 *
 * <p>A root's DAG is walked when it is {@linkplain #track tracked} (an upload, or the start of the service), when a
 * block it waits for {@linkplain #arrived arrives}, and when damage is found anywhere. Walks are memoised: a block
 * whose whole sub-DAG is present is remembered as complete (blocks are never removed), so a walk reads only the part
 * of a DAG not yet known complete. Raw leaves are not read, only looked up (their bytes are checked whenever they
 * are served); every other block a walk reads is hash-checked by the storage.
 *
 * <p>Damage (a stored block that no longer hashes to its CID, cannot be read to its end, or does not decode) is
 * remembered per block. Finding new damage forgets what was memoised and walks every root again, so every upload
 * holding the block is reported failed; damage is rare, and that walk reads only interior blocks. A damaged block
 * whose stored copy an upload replaced by a sound one is {@linkplain #repaired repaired}: its mark is cleared and
 * every root is walked again the same way, so the uploads holding it are pinned again unless something else is
 * missing or damaged.
 *
 * <p>Memory: one multihash per interior block of the store (about 50 bytes each) and, while a DAG is incomplete,
 * one entry per block it waits for. Thread-safe: state reads need no lock, walks are serialised.
 */
final class DagStates {
  private static final LinkDecoder LINKS = LinkDecoders.standard();

  /** What an upload's pin reports. */
  enum Status {
    /** Every block reachable from the root is stored: {@code pinned}. */
    COMPLETE("pinned"),
    /** Some block is not stored yet, or the DAG cannot be followed (an unknown codec): {@code pinning}. */
    PARTIAL("pinning"),
    /** A block of the DAG is damaged in storage or does not decode: {@code failed}. */
    FAILED("failed");

    private final String pinStatus;

    Status(String pinStatus) {
      this.pinStatus = pinStatus;
    }

    /** @return the API's {@code PinStatus} */
    String pinStatus() {
      return pinStatus;
    }
  }

  /**
   * One root's state.
   *
   * @param status the status
   * @param error for {@link Status#FAILED}, why (one line naming the block, no server paths); else null
   */
  record State(Status status, String error) {
    static final State COMPLETE = new State(Status.COMPLETE, null);
    static final State PARTIAL = new State(Status.PARTIAL, null);
  }

  /** A block that ends a walk: damaged or undecodable. */
  private static final class Damage extends Exception {
    private static final long serialVersionUID = 1L;

    Damage(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A block being walked: its links not yet entered, and whether all entered so far were complete. */
  private static final class Frame {
    final Multihash hash;
    final Iterator<Cid> links;
    boolean complete = true;

    Frame(Multihash hash, Iterator<Cid> links) {
      this.hash = hash;
      this.links = links;
    }
  }

  /** Where a walk stands after entering a block. */
  private enum Entered {
    COMPLETE, INCOMPLETE, PUSHED
  }

  private final Storage storage;
  private final Consumer<String> warnings;
  /** Root (CIDv1) → state; read without a lock. */
  private final Map<Cid, State> roots = new ConcurrentHashMap<>();
  /** Damaged block → why; read without a lock (the gateway treats these blocks as not held). */
  private final Map<Multihash, String> damaged = new ConcurrentHashMap<>();
  /** Interior blocks whose sub-DAG is complete. Guarded by this. */
  private final Set<Multihash> complete = new HashSet<>();
  /** Missing block → roots whose DAG waits for it. Guarded by this. */
  private final Map<Multihash, Set<Cid>> waiting = new HashMap<>();
  /** Set when damage was found or repaired: every root is walked again. Guarded by this. */
  private boolean rewalk;

  /**
   * @param storage the blocks; {@link Storage#get} checks each block's hash
   * @param warnings receives one line per damaged block found
   */
  DagStates(Storage storage, Consumer<String> warnings) {
    this.storage = storage;
    this.warnings = warnings;
  }

  /** @return the state of {@code root}'s DAG; {@link State#PARTIAL} for a root never tracked */
  State state(Cid root) {
    return roots.getOrDefault(root.toV1(), State.PARTIAL);
  }

  /** @return why the block is known damaged, or empty */
  Optional<String> damage(Cid cid) {
    return Optional.ofNullable(damaged.get(cid.multihash()));
  }

  /**
   * Starts following {@code root} (again): walks the part of its DAG not known complete, unless it is already
   * known complete or failed.
   *
   * @return its state
   * @throws IOException if the storage fails (not for damaged blocks: those make the state failed)
   */
  synchronized State track(Cid root) throws IOException {
    Cid key = root.toV1();
    State known = roots.get(key);
    if (known == null || known.status() == Status.PARTIAL) {
      update(key);
      settleDamage();
    }
    return roots.get(key);
  }

  /**
   * Blocks were stored: every root waiting for one of them is walked again.
   *
   * @param blocks the multihashes of the blocks newly stored
   * @throws IOException if the storage fails
   */
  synchronized void arrived(Collection<Multihash> blocks) throws IOException {
    Set<Cid> affected = new HashSet<>();
    for (Multihash mh : blocks) {
      Set<Cid> w = waiting.remove(mh);
      if (w != null) {
        affected.addAll(w);
      }
    }
    for (Cid root : affected) {
      update(root);
    }
    settleDamage();
  }

  /**
   * A reader found a stored block damaged: it is remembered, a warning is given, and every upload holding it is
   * reported failed from now on.
   *
   * @param reason one line, no server paths
   * @throws IOException if the storage fails while the DAGs are walked again
   */
  synchronized void damaged(Cid cid, String reason) throws IOException {
    if (remember(cid, reason)) {
      settleDamage();
    }
  }

  /**
   * Blocks known damaged now have a sound stored copy: their marks are cleared and every root is walked again.
   *
   * @param blocks the multihashes of the blocks whose stored copy was replaced (those not known damaged are
   *     ignored)
   * @throws IOException if the storage fails while the DAGs are walked again
   */
  synchronized void repaired(Collection<Multihash> blocks) throws IOException {
    for (Multihash mh : blocks) {
      if (damaged.remove(mh) != null) {
        rewalk = true;
      }
    }
    settleDamage();
  }

  /** Walks one root and records its state and the blocks it waits for. */
  private void update(Cid key) throws IOException {
    Set<Multihash> missing = new HashSet<>();
    State s = walk(key, missing);
    roots.put(key, s);
    if (s.status() == Status.PARTIAL) {
      for (Multihash mh : missing) {
        waiting.computeIfAbsent(mh, m -> new HashSet<>()).add(key);
      }
    }
  }

  /** While damage was found or repaired since the last walk of every root, forgets the memo and walks them again. */
  private void settleDamage() throws IOException {
    while (rewalk) {
      rewalk = false;
      complete.clear();
      waiting.clear();
      for (Cid root : new ArrayList<>(roots.keySet())) {
        update(root);
      }
    }
  }

  /** @return whether the damage was new */
  private boolean remember(Cid cid, String reason) {
    if (damaged.putIfAbsent(cid.multihash(), reason) != null) {
      return false;
    }
    rewalk = true;
    warnings.accept(reason + "; the uploads holding it are reported failed");
    return true;
  }

  /** Walks the DAG under {@code root} depth first, entering only blocks not known complete. */
  private State walk(Cid root, Set<Multihash> missing) throws IOException {
    Set<Multihash> visited = new HashSet<>();
    Set<Multihash> incomplete = new HashSet<>();
    ArrayDeque<Frame> stack = new ArrayDeque<>();
    try {
      Entered first = enter(root, visited, incomplete, missing, stack);
      if (first != Entered.PUSHED) {
        return first == Entered.COMPLETE ? State.COMPLETE : State.PARTIAL;
      }
      while (!stack.isEmpty()) {
        Frame f = stack.peek();
        if (!f.links.hasNext()) {
          stack.pop();
          if (f.complete) {
            complete.add(f.hash);
          } else {
            incomplete.add(f.hash);
            if (!stack.isEmpty()) {
              stack.peek().complete = false;
            }
          }
          continue;
        }
        if (enter(f.links.next(), visited, incomplete, missing, stack) == Entered.INCOMPLETE) {
          f.complete = false;
        }
      }
      return complete.contains(root.multihash()) ? State.COMPLETE : State.PARTIAL;
    } catch (Damage d) {
      return new State(Status.FAILED, d.getMessage());
    }
  }

  private Entered enter(Cid cid, Set<Multihash> visited, Set<Multihash> incomplete, Set<Multihash> missing,
      ArrayDeque<Frame> stack) throws IOException, Damage {
    Multihash mh = cid.multihash();
    String damage = damaged.get(mh);
    if (damage != null) {
      throw new Damage(damage);
    }
    if (complete.contains(mh)) {
      return Entered.COMPLETE;
    }
    if (!visited.add(mh)) {
      // met before in this walk, and finished: a DAG has no cycles
      return incomplete.contains(mh) ? Entered.INCOMPLETE : Entered.COMPLETE;
    }
    if (!mh.isIdentity() && !storage.has(cid)) {
      missing.add(mh);
      incomplete.add(mh);
      return Entered.INCOMPLETE;
    }
    long codec = cid.codecCode();
    if (codec == Multicodec.RAW.code()) {
      return Entered.COMPLETE;
    }
    if (!LINKS.supports(codec)) {
      // cannot be followed: stays pinning, as the real service's "Unknown" DAG structure
      incomplete.add(mh);
      return Entered.INCOMPLETE;
    }
    List<Cid> links = links(read(cid));
    if (links.isEmpty()) {
      complete.add(mh);
      return Entered.COMPLETE;
    }
    stack.push(new Frame(mh, links.iterator()));
    return Entered.PUSHED;
  }

  /** Reads a block the storage says it holds; a failure of its bytes is damage. */
  private Block read(Cid cid) throws IOException, Damage {
    if (cid.multihash().isIdentity()) {
      return Block.wrap(cid, cid.multihash().digest());
    }
    Optional<Block> b;
    try {
      b = storage.get(cid);
    } catch (DataException | EOFException e) {
      throw damage(cid, describe(cid, e));
    }
    if (b.isEmpty()) {
      throw damage(cid, "block " + cid + " is indexed but cannot be found in storage");
    }
    return b.get();
  }

  private List<Cid> links(Block b) throws IOException, Damage {
    try {
      return LINKS.links(b);
    } catch (DataException e) {
      throw damage(b.cid(), "block " + b.cid() + " is not valid " + b.cid().codec() + ": " + e.getMessage());
    }
  }

  /**
   * @return one line saying why a stored block cannot be used: its bytes no longer hash to its CID, end early, or
   *     are otherwise unreadable (no server paths: the storage's messages give offsets only)
   */
  static String describe(Cid cid, IOException e) {
    if (e instanceof BlockIntegrityException) {
      return hashMismatch(cid);
    }
    if (e instanceof EOFException) {
      return "block " + cid + " is damaged in storage: its bytes are cut short";
    }
    return "block " + cid + " is damaged in storage: " + e.getMessage();
  }

  /** @return one line saying that a stored block's bytes no longer hash to its CID */
  static String hashMismatch(Cid cid) {
    return "block " + cid + " is damaged in storage: its bytes no longer hash to its CID";
  }

  private Damage damage(Cid cid, String reason) {
    remember(cid, reason);
    return new Damage(damaged.get(cid.multihash()));
  }
}
