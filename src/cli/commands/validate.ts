import { SlaclockError } from '../../errors.js';
import { formatPath } from '../../errors.js';
import { compilePolicy } from '../../policy/compile.js';
import { holidayRegions } from '../../regions/regional.js';
import type { Command } from '../command.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { readTextFile } from '../files.js';

const HELP = `Usage: slaclock validate <policy.json>

Read a policy JSON file, compile it and print every problem on its own line, with its
path, or "ok". Exit code 0 when the policy is valid, 3 when it has problems, 2 when
the file cannot be read.

Options:
  --json       print the problems as JSON
  -h, --help   show this help
`;

const MAX_MESSAGE = 300;

/** `slaclock validate`. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a policy JSON file and print every problem',
  help: HELP,
  options: { json: { type: 'boolean' } },
  positionals: true,
  run(values, positionals, io) {
    if (positionals.length !== 1) throw new UsageError(`validate: expected one policy file, got ${positionals.length} (see: slaclock validate --help)`);
    const file = positionals[0] as string;
    const text = readTextFile(file, 'policy file');
    let problems: { code: string; path: string; message: string }[];
    let id: string | undefined;
    try {
      id = compilePolicy(JSON.parse(text), { holidayRegions }).id;
      problems = [];
    } catch (error) {
      if (error instanceof SyntaxError) {
        problems = [{ code: 'invalid_json', path: '', message: `not valid JSON: ${error.message.slice(0, MAX_MESSAGE)}` }];
      } else if (error instanceof SlaclockError) {
        problems = error.issues.map((issue) => ({ code: issue.code, path: formatPath(issue.path), message: issue.message.slice(0, MAX_MESSAGE) }));
      } else if (error instanceof RangeError) {
        throw new InputError(`policy file ${file} is nested too deeply to check`);
      } else {
        throw error;
      }
    }
    if (values.json) {
      io.out(`${JSON.stringify({ file, ok: problems.length === 0, problems }, null, 2)}\n`);
    } else if (problems.length === 0) {
      io.out(`ok: ${file} (policy ${id ?? '?'})\n`);
    } else {
      const lines = problems.map((problem) => `${file}: ${problem.path || '(root)'}: ${problem.message} [${problem.code}]`);
      io.out(`${lines.join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}\n`);
    }
    return problems.length === 0 ? EXIT.ok : EXIT.problems;
  },
};
