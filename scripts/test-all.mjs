// `npm test`: every check a change must pass, in order, with one closing count.
// Static checks (typecheck, lint, format) count as one test each; vitest and Playwright report
// their own test counts through their JSON reporters.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;
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
  passed += counts.passed;
  failed += counts.failed;
  summary.push(`${label}: ${counts.passed} passed, ${counts.failed} failed`);
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
  }),
);
suite('e2e', 'npx', ['playwright', 'test', '--project=e2e'], 'test-results/e2e.json', (r) => ({
  passed: r.stats.expected,
  failed: r.stats.unexpected + r.stats.flaky,
}));

console.info('\n' + summary.join('\n'));
console.info(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
