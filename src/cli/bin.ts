// The `slaclock` executable (package.json "bin" is dist/cli.js, built from this file).
import { processIo } from './io.js';
import { run } from './run.js';

void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
