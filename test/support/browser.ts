// Headless Chromium for the browser tests: found on PATH (Debian's `chromium` package; .ci/run
// installs it), driven by its command line (--dump-dom, --screenshot), no driver library.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser', 'google-chrome'].filter((name): name is string => !!name);

/** The Chromium executable, or null when none is installed. */
export function findChromium(): string | null {
  for (const name of CANDIDATES) {
    const result = spawnSync(name, ['--version'], { encoding: 'utf8' });
    if (result.status === 0 && /chrom/i.test(result.stdout)) return name;
  }
  return null;
}

/**
 * Runs headless Chromium on a URL; resolves to stdout and the page's console lines (from its
 * log). Asynchronous, so that a server in this process can answer the browser.
 */
export async function runChromium(chromium: string, url: string, flags: string[]): Promise<{ stdout: string; console: string[]; status: number | null }> {
  const profile = mkdtempSync(join(tmpdir(), 'slaclock-chromium-'));
  try {
    const child = spawn(
      chromium,
      ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', '--virtual-time-budget=10000', ...flags, url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    clearTimeout(timer);
    const console = stderr.split('\n').filter((line) => /:CONSOLE[:(]/.test(line));
    return { stdout, console, status };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A static server on 127.0.0.1 for `routes` (path -> body) and files under `root`. */
export async function serve(root: string, routes: Record<string, string>): Promise<{ url: string; server: Server }> {
  const { readFile } = await import('node:fs/promises');
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] as string;
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.svg') ? 'image/svg+xml' : 'text/html; charset=utf-8';
    const routed = routes[path];
    if (routed !== undefined) {
      response.writeHead(200, { 'content-type': type });
      response.end(routed);
      return;
    }
    if (path.includes('..') || !path.startsWith('/dist/')) {
      response.writeHead(404);
      response.end();
      return;
    }
    readFile(join(root, path)).then(
      (body) => {
        response.writeHead(200, { 'content-type': type });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}
