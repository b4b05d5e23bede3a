/**
 * Writes test-durations.json, the seconds each test file took, from a vitest JSON report:
 *   npm run test:durations
 * The sequencer (src/testing/longestFirstSequencer.ts) starts the longest files first with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { DURATIONS_FILE } from '../src/testing/longestFirstSequencer.js';

const report = process.argv[2];
if (!report) {
  process.stderr.write('usage: tsx scripts/recordTestDurations.ts REPORT.json (vitest --reporter=json)\n');
  process.exit(2);
}
interface FileResult {
  name: string;
  startTime: number;
  endTime: number;
}
const { testResults } = JSON.parse(readFileSync(report, 'utf8')) as { testResults: FileResult[] };
const durations = testResults
  .map((r) => [relative(PROJECT_ROOT, r.name).split('\\').join('/'), Math.round((r.endTime - r.startTime) / 100) / 10] as const)
  .sort(([a], [b]) => a.localeCompare(b));
writeFileSync(join(PROJECT_ROOT, DURATIONS_FILE), `${JSON.stringify(Object.fromEntries(durations), null, 2)}\n`);
process.stdout.write(`Recorded ${durations.length} test files' durations in ${DURATIONS_FILE}.\n`);
