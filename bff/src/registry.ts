import type { ModerationApplier, Registry, UploadAccessCheck } from './deps.js';
import type { Module } from './module.js';

/**
 * The lookups one module makes in the others by a kind's name, built once from the list of modules
 * where a process is composed (app.ts, worker.ts) and carried in `deps.registry`. A kind two modules
 * both claim is a mistake that would make one of them silently lose: refused at start.
 */
export function createRegistry(modules: readonly Module[]): Registry {
  const uploadAccess = collect(modules, 'uploadAccess') as Map<string, UploadAccessCheck>;
  const moderation = collect(modules, 'moderation') as Map<string, ModerationApplier>;
  return {
    uploadAccess: (claimKind) => uploadAccess.get(claimKind),
    moderation: (kind) => moderation.get(kind),
  };
}

function collect(modules: readonly Module[], part: 'uploadAccess' | 'moderation') {
  const found = new Map<string, unknown>();
  const owner = new Map<string, string>();
  for (const m of modules) {
    for (const [kind, fn] of Object.entries(m[part] ?? {})) {
      if (owner.has(kind)) throw new Error(`${part} '${kind}' is claimed by both ${owner.get(kind)} and ${m.name}`);
      owner.set(kind, m.name);
      found.set(kind, fn);
    }
  }
  return found;
}
