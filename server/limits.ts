// Input limits checked before any schema: no string anywhere in a body may be longer than
// MAX_STRING. No field of the protocol needs that much, so a longer one is refused outright.
import { ApiError } from './errors';

export const MAX_STRING = 10_000;
export const BODY_LIMIT = 2 * 1024 * 1024;

/** Throws 400 string-too-long when any string (key or value) in the value is too long. */
export function checkStringLengths(value: unknown): void {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'string') {
      if (next.length > MAX_STRING) {
        throw new ApiError(
          400,
          'string-too-long',
          `A text in the request is longer than ${MAX_STRING} characters; nothing was stored.`,
        );
      }
    } else if (ArrayBuffer.isView(next)) {
      // Raw bytes (a photo) are not text; their size is the body limit's business.
      continue;
    } else if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, item] of Object.entries(next)) stack.push(key, item);
    }
  }
}
