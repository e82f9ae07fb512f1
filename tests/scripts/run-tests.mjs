#!/usr/bin/env node
// `npm test`: builds the API and the web app (the system and browser tests drive the built
// server), runs every Jest project in one run, and ends with the plain total of all suites:
// "N passed, N failed" (", N skipped" when any were skipped).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: process.env.CI ? '0' : '1' };
const projects = ['libs/contracts/jest.config.cjs', 'libs/cx-metrics/jest.config.cjs', 'libs/incentives/jest.config.cjs', 'api/jest.config.cjs', 'web/jest.config.cjs', 'tests/jest.config.cjs'].filter(
  (config) => fs.existsSync(path.join(root, config)),
);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status ?? 1;
}

const started = Date.now();
if (run(bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']) !== 0) {
  console.error('\nThe build failed, so no tests ran.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const resultsFile = path.join(root, 'tmp', 'jest-results.json');
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });
const extra = process.argv.slice(2);
const status = run(bin('jest'), ['--projects', ...projects, '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`, ...extra]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  skipped = results.numPendingTests + results.numTodoTests;
} else {
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`\nAll suites in ${Math.round((Date.now() - started) / 1000)} s.`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
