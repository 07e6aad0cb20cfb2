package io.carmint.cli;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import picocli.CommandLine;

/** Parses CID text; an invalid CID is a usage error. */
final class CidConverter implements CommandLine.ITypeConverter<Cid> {
  @Override
  public Cid convert(String value) {
    try {
      return Cid.parse(value);
    } catch (InvalidCidException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
