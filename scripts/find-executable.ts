import { existsSync } from 'node:fs';

export interface ExecutableSpec {
  /** What the program is, for the error: "Firefox", "WebKit's WebDriver". */
  what: string;
  /** The environment variable that names it, which wins over everything else. */
  envVar: string;
  /** Where a package manager puts it, tried in order. */
  candidates: readonly string[];
  /** One sentence on how to get it. */
  hint: string;
  /** A last place to look (e.g. a test tool's own download), or '' when there is none. */
  fallback?: () => string;
}

/**
 * A program the tests drive: `$envVar`, else the first candidate that exists, else the fallback, else a
 * one-line error that says how to install it. Never silently nothing.
 */
export function findExecutable(
  spec: ExecutableSpec,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env[spec.envVar];
  if (fromEnv) {
    if (!exists(fromEnv))
      throw new Error(`${spec.envVar} is set to ${fromEnv}, which does not exist. ${spec.hint}`);
    return fromEnv;
  }
  const found = spec.candidates.find((path) => exists(path));
  if (found) return found;
  const fallback = spec.fallback?.() ?? '';
  if (fallback && exists(fallback)) return fallback;
  throw new Error(`No ${spec.what} found. ${spec.hint}`);
}
