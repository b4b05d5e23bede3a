import { userInfo } from 'node:os';
import type { Actor } from '../../core/roles.js';

/**
 * Whoever runs the CLI already holds the store itself, so keys would guard
 * nothing here: the operator acts as admin and is logged by login name.
 */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // Containers may run as a uid without a passwd entry; the log still says it came from the CLI.
  }
  return { id: `cli:${name}`, role: 'admin', operator: true };
}
