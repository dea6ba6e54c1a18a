// A skipped test names why in its options (`{ meta: { skipReason } }`); scripts/test-all.mjs reads
// it from vitest's JSON report and fails any skip that has none.
import 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    skipReason?: string;
  }
}
