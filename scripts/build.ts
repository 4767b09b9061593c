/**
 * `npm run build`: the compiled BFF (bff/dist: API, worker, launcher) and the H5 app (miniapp/dist-h5),
 * for `npm start` (docs/production.md). Refuses to build the H5 app with the development login.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildBff, importedPackages, runtimeDependencies } from './build-bff.js';

const root = resolve(import.meta.dirname, '..');
const log = (msg: string) => process.stdout.write(`[build] ${msg}\n`);

if (!['', '0', 'false', undefined].includes(process.env.TARO_APP_DEV_LOGIN)) {
  process.stderr.write('[build] TARO_APP_DEV_LOGIN is set: a production build never has the development login\n');
  process.exit(1);
}

const started = performance.now();
const metafile = await buildBff();
const undeclared = importedPackages(metafile).filter((p) => !runtimeDependencies().includes(p));
if (undeclared.length) {
  process.stderr.write(`[build] bff/dist imports packages missing from bff/package.json dependencies: ${undeclared}\n`);
  process.exit(1);
}
log(`bff/dist: main.js, worker.js, start.js in ${Math.round(performance.now() - started)} ms`);

if (process.env.BUILD_SKIP_H5 !== '1') {
  log('H5 app (miniapp/dist-h5)');
  const h5 = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit', env: { ...process.env } });
  if (h5.status !== 0) process.exit(h5.status ?? 1);
}
log('done: npm start');
