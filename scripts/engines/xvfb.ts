import { spawn } from 'node:child_process';
import { findEngineProgram } from './find.ts';

export interface VirtualDisplay {
  /** The value for DISPLAY, e.g. ":99". */
  display: string;
  stop(): Promise<void>;
}

/**
 * A virtual X display of its own for the engines' windows (they have WebGL only in a window here),
 * started and stopped by the harness rather than assumed. Xvfb picks a free display number and
 * writes it to the file descriptor named by -displayfd.
 */
export function startXvfb(): Promise<VirtualDisplay> {
  const xvfb = spawn(
    findEngineProgram('xvfb'),
    ['-displayfd', '1', '-screen', '0', '1600x1400x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  xvfb.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => xvfb.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdout.on('data', (chunk) => {
      out += chunk;
      const line = /^(\d+)\n/.exec(out);
      if (!line) return;
      resolve({
        display: `:${line[1]}`,
        stop: async () => {
          xvfb.kill('SIGTERM');
          await exited;
        },
      });
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) =>
      reject(
        new Error(`Xvfb stopped before it was ready (exit ${code}): ${stderr.trim().split('\n').at(-1)}`),
      ),
    );
  });
}
