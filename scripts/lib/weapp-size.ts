import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const WEAPP_DIST = join(import.meta.dirname, '../../miniapp/dist');

/** Every file below `dir`. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Package sizes as WeChat counts them: the main package is everything outside the subpackage roots
 * named in app.json. DevTools' project config is not uploaded, so it is not counted.
 */
export function weappSizes(dist = WEAPP_DIST) {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));
  let main = 0;
  let total = 0;
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]));
  for (const path of listFiles(dist)) {
    const rel = relative(dist, path).split('\\').join('/');
    if (rel === 'project.config.json' || rel.endsWith('.LICENSE.txt')) continue;
    const size = statSync(path).size;
    total += size;
    const root = roots.find((r) => rel.startsWith(r));
    if (root) subpackages[root]! += size;
    else main += size;
  }
  return {
    mainKb: Math.round(main / 1024),
    totalKb: Math.round(total / 1024),
    subpackagesKb: Object.fromEntries(Object.entries(subpackages).map(([k, v]) => [k, Math.round(v / 1024)])),
  };
}
