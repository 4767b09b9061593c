import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildBff } from '../../scripts/build-bff.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Links every production package of the lockfile (top level of each node_modules) into `app`. */
function productionNodeModules(app: string) {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; link?: boolean }>;
  };
  const topLevel = /^(?:bff\/)?node_modules\/(?:@[^/]+\/)?[^/]+$/;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!topLevel.test(path) || entry.dev || entry.link) continue;
    mkdirSync(dirname(join(app, path)), { recursive: true });
    symlinkSync(join(ROOT, path), join(app, path));
  }
  symlinkSync(join(ROOT, 'node_modules/.prisma'), join(app, 'node_modules/.prisma'));
}

/**
 * The compiled build as production runs it (docs/production.md): esbuild's output (`npm run build`'s
 * bff/dist, ≈ 0.4 s to make) in a temporary folder whose node_modules holds only what
 * `npm ci --omit=dev` installs — the package-lock entries not marked dev, plus the generated Prisma
 * client the Dockerfile copies from its build stage. Start its files with plain `node`, `cwd: dir`.
 */
export async function buildCompiledBff() {
  const dir = mkdtempSync(join(tmpdir(), 'wyt-prod-'));
  const metafile = await buildBff(join(dir, 'bff/dist'));
  productionNodeModules(dir);
  return {
    dir,
    metafile,
    /** `node` arguments that run `file` (main.js, worker.js, start.js) of this build. */
    args: (file: string) => ['--enable-source-maps', join(dir, 'bff/dist', file)],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
