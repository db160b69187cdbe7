/**
 * The {@code rgflow} command line (picocli): {@link org.rgflow.cli.RgflowCommand} and one class per
 * subcommand. Thin: parses, validates, calls the library packages. The only package that knows every
 * other package.
 */
package org.rgflow.cli;
