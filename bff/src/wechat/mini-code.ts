import type { Deps } from '../deps.js';

const ENV_VERSION = { formal: 'release', trial: 'trial', developer: 'develop' } as const;

/**
 * A mini-program code WeChat makes for `page` with `scene` (docs/wechat.md §6), for the version this
 * deployment runs: check_path only for the released version, so trial and development versions can
 * open a page not yet released.
 */
export function miniProgramCode(deps: Deps, scene: string, page: string) {
  const envVersion = ENV_VERSION[deps.config.wechat.miniprogramState as keyof typeof ENV_VERSION] ?? 'release';
  return deps.wechat.wxacode.getUnlimited({ scene, page, checkPath: envVersion === 'release', envVersion, width: 430 });
}
