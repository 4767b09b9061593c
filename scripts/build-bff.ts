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
    absWorkingDir: root, // metafile paths are relative to the repository (importedPackages reads them)
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

const packageOf = (specifier: string) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
};

/**
 * The packages the outputs load (`node:` built-ins excluded), by package name: their imports from
 * esbuild's metafile, and the files they read through `createRequire(import.meta.url)('…')` (a JSON
 * data file, calendar/work-calendar.ts), which the metafile cannot see.
 */
export function importedPackages(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    for (const i of output.imports) if (i.external && !i.path.startsWith('node:')) names.add(packageOf(i.path));
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(resolve(root, file), 'utf8');
    for (const m of code.matchAll(/createRequire\(import\.meta\.url\)\((["'])([^"']+)\1\)/g))
      names.add(packageOf(m[2]!));
  }
  return [...names].sort();
}
