/**
 * File layouts: how the leaves of a file are gathered under branch nodes. {@link
 * io.carmint.unixfs.layout.BalancedLayout} (Kubo's default, every JS importer's default) and {@link
 * io.carmint.unixfs.layout.TrickleLayout} (Kubo's {@code --trickle}). Both stream: a builder receives leaves in
 * file order, writes each branch node as soon as it is complete (children before parents) and holds only the
 * links of the nodes still open.
 *
 * <p>See boxo {@code ipld/unixfs/importer/balanced} and {@code trickle}.
 */
package io.carmint.unixfs.layout;
