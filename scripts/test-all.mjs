// `npm test`: every check a change must pass, in order, with one closing count.
// Static checks (typecheck, lint, format) count as one test each; vitest and Playwright report
// their own test counts through their JSON reporters. A skipped test must name its reason (vitest:
// `meta: { skipReason }` in the test's options; Playwright: `test.skip(condition, 'reason')`):
// one that does not counts as failed, so a forgotten skip (or the tests a `.only` left out)
// cannot pass quietly. Skips are counted on the line before the closing one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];

function run(label, command, args) {
  console.info(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed += 1;
  else failed += 1;
  summary.push(`${label}: ${ok ? 'passed' : 'FAILED'}`);
}

function suite(label, command, args, reportFile, count) {
  rmSync(reportFile, { force: true });
  const ok = run(label, command, args);
  if (!existsSync(reportFile)) {
    failed += 1;
    summary.push(`${label}: FAILED (no report; exit ${ok ? 0 : 'non-zero'})`);
    return;
  }
  const counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  // A runner that exits non-zero without a failed test (e.g. a crash) still fails the run.
  if (!ok && counts.failed === 0) counts.failed = 1;
  const unexplained = counts.skips.filter((s) => !s.reason);
  passed += counts.passed;
  failed += counts.failed + unexplained.length;
  skipped += counts.skips.length - unexplained.length;
  summary.push(
    `${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skips.length} skipped`,
  );
  for (const skip of counts.skips)
    summary.push(`  skipped ${skip.name}: ${skip.reason ?? 'FAILED (no reason given)'}`);
}

/** vitest's skipped, todo and never-run tests, with the reason from their `meta.skipReason`. */
function vitestSkips(report) {
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status !== 'passed' && test.status !== 'failed')
      .map((test) => ({ name: test.fullName, reason: nonEmpty(test.meta?.skipReason) })),
  );
}

/** Playwright's skipped tests, with the description of their skip (or fixme) annotation. */
function playwrightSkips(report) {
  const skips = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'skipped') {
          const note = (test.annotations ?? []).find(
            (a) => a.type === 'skip' || a.type === 'fixme',
          );
          skips.push({ name: `${spec.file} ${spec.title}`, reason: nonEmpty(note?.description) });
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return skips;
}

function nonEmpty(text) {
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

mkdirSync('test-results', { recursive: true });
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
check('format', 'npm', ['run', '--silent', 'format:check']);
// The OpenAPI document as the server generates it now, against Redocly's recommended rules
// (~15 s; fetches the pinned @redocly/cli through npx the first time).
check('openapi', 'npm', ['run', '--silent', 'openapi:lint']);
suite(
  'unit',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  'test-results/unit.json',
  (r) => ({
    passed: r.numPassedTests,
    failed:
      r.numFailedTests +
      (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0),
    skips: vitestSkips(r),
  }),
);
suite('e2e', 'npx', ['playwright', 'test', '--project=e2e'], 'test-results/e2e.json', (r) => ({
  passed: r.stats.expected,
  failed: r.stats.unexpected + r.stats.flaky,
  skips: playwrightSkips(r),
}));

console.info('\n' + summary.join('\n'));
console.info(`${skipped} skipped`);
console.info(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
