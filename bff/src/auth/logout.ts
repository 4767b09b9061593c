import type { Deps } from '../deps.js';
import { endDeskLoginOnLogout } from '../desk/desk-login.js';

export async function logout(deps: Deps, token: string) {
  await deps.sessions.revoke(token);
  await endDeskLoginOnLogout(deps, token);
}
