/**
 * Packing files and directories into CAR files: the UnixFS importer streaming into the CAR writers
 * ({@link io.carmint.pack.CarPacker}), as {@code carmint pack} and {@code ipfs-car pack} do.
 */
package io.carmint.pack;
