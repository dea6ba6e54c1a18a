// Fresh label codes for tests, made with the product's own generator.
import { randomBytes } from 'node:crypto';
import { generateCode, type CodeKind } from '../../src/domain';

/** A new random canonical code of the kind. */
export function newCode(kind: CodeKind): string {
  return generateCode(kind, (n) => new Uint8Array(randomBytes(n)));
}
