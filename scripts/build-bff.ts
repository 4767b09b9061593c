import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { migrationsIn } from '../bff/src/migrations.js';

const root = resolve(import.meta.dirname, '..');

/** The BFF's runtime dependencies: the only packages its compiled build may import (docs/production.md). */
export function runtimeDependencies(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'bff/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  return Object.keys(pkg.dependencies);
}

/**
 * Compiles the API, the worker and `npm start`'s launcher to one ES module each in `outdir`
 * (bff/dist): our code bundled, every package left to node_modules as an import, so what runs is
 * what `npm ci --omit=dev` installs. The migrations this build expects are written into it (the
 * start-up check, migrations.ts). Returns esbuild's metafile: every import each output makes.
 */
export async function buildBff(outdir = join(root, 'bff/dist')): Promise<Metafile> {
  const result = await build({
    entryPoints: ['main', 'worker', 'start'].map((n) => join(root, `bff/src/${n}.ts`)),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    define: { __WYT_MIGRATIONS__: JSON.stringify(migrationsIn(join(root, 'prisma/migrations'))) },
  });
  return result.metafile;
}

/** The packages the outputs import (`node:` built-ins excluded), by their package name. */
export function importedPackages(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const i of output.imports) {
      if (!i.external || i.path.startsWith('node:')) continue;
      const parts = i.path.split('/');
      names.add(i.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  return [...names].sort();
}
