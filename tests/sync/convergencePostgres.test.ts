// Convergence under faults on PostgreSQL (the run's cluster, tests/support/globalPostgres.ts):
// fewer seeds than on SQLite, since each run makes a database of its own.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createStore } from '../../server/store/createStore';
import { newPostgresDatabase } from '../server/testStore';
import { expectCovered, scenarioArb } from './scenarios';
import { newCoverage, runScenario } from './simulation';

const RUNS = Number(process.env.BEWAAR_SIM_PG_RUNS ?? 4);
const SEED = process.env.BEWAAR_SIM_SEED ? Number(process.env.BEWAAR_SIM_SEED) : 20261203;

describe('sync convergence under faults (PostgreSQL)', () => {
  it(`converges in ${RUNS} seeded runs, custody and bench included`, async () => {
    const coverage = newCoverage();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run += 1;
        const url = await newPostgresDatabase();
        await runScenario(
          scenario,
          run,
          {
            open: () => Promise.resolve(createStore({ kind: 'postgres', url })),
            dispose: () => undefined,
          },
          coverage,
        );
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expectCovered(coverage, RUNS);
  }, 600_000);
});
