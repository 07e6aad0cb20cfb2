/**
 * The {@code carmint} command line: {@link io.carmint.cli.Main} and one class per subcommand. Commands are thin;
 * the work is done by library code that tests call directly.
 */
package io.carmint.cli;
