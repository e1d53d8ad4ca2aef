// Runs a command (the test suite, in `npm test`) as if on a host far from the usual one:
// the time zone Pacific/Kiritimati (UTC+14, the first to see each new day) and the Thai
// locale, whose default calendar is the Buddhist one (the year 2026 reads 2569). A result
// that leaned on the host's zone or locale would differ here. test/host.test.ts checks that
// the settings reached the test workers (SLACLOCK_EXPECT_HOST).
import { spawnSync } from 'node:child_process';

export const FAR_HOST = { TZ: 'Pacific/Kiritimati', LC_ALL: 'th_TH.UTF-8', LANG: 'th_TH.UTF-8' };

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  console.error('usage: node test/support/far-host.mjs <command> [args...]');
  process.exit(2);
}
console.log(`far host: TZ=${FAR_HOST.TZ} LC_ALL=${FAR_HOST.LC_ALL}: ${command} ${args.join(' ')}`);
const result = spawnSync(command, args, {
  stdio: 'inherit',
  env: { ...process.env, ...FAR_HOST, SLACLOCK_EXPECT_HOST: `${FAR_HOST.TZ} th` },
  shell: process.platform === 'win32',
});
if (result.error) {
  console.error(`far host: could not run ${command}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
