// `npm run test:exhaustive`: the transition sweep over every offset change of every zone,
// 1900-2100 (test/transitions.test.ts with SLACLOCK_SWEEP=all), instead of the seeded subset
// `npm test` runs. Takes several minutes; prints its counts.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['vitest', 'run', 'test/transitions.test.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, SLACLOCK_SWEEP: 'all' },
  shell: process.platform === 'win32',
});
if (result.error) {
  console.error(`exhaustive: could not run vitest: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
