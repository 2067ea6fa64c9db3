// Placeholder until the owning issue lands: fails loudly rather than pretending.
import { CommandError } from './usage.js';

export async function main(_argv: readonly string[]): Promise<number> {
  throw new CommandError('procview tree: not implemented yet');
}
