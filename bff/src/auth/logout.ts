import type { Deps } from '../deps.js';

export async function logout(deps: Deps, token: string) {
  await deps.sessions.revoke(token);
}
