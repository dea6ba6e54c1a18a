// Convergence under faults on SQLite: the simulation of tests/sync/simulation.ts over many seeded
// scenarios. A failing run prints its seed and path for replay
// (BEWAAR_SIM_SEED=<seed> npx vitest run tests/sync/convergence.test.ts).
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createStore } from '../../server/store/createStore';
import { expectCovered, scenarioArb } from './scenarios';
import { newCoverage, runScenario } from './simulation';

const RUNS = Number(process.env.BEWAAR_SIM_RUNS ?? 16);
const SEED = process.env.BEWAAR_SIM_SEED ? Number(process.env.BEWAAR_SIM_SEED) : 20261127;

describe('sync convergence under faults (SQLite)', () => {
  it(`converges in ${RUNS} seeded runs, custody and bench included`, async () => {
    const coverage = newCoverage();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run += 1;
        const dir = mkdtempSync(join(tmpdir(), 'bewaar-sim-'));
        const file = join(dir, 'server.sqlite');
        await runScenario(
          scenario,
          run,
          {
            open: () => Promise.resolve(createStore({ kind: 'sqlite', file })),
            dispose: () => {
              rmSync(dir, { recursive: true, force: true });
            },
          },
          coverage,
        );
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expectCovered(coverage, RUNS);
  }, 600_000);
});
