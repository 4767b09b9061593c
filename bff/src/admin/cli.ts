/**
 * `npm run admin -- <command>`: what a property company needs done on the server before it can do
 * everything else in the product (docs/import.md, Starting a company).
 *
 *   create-company --name 申城物业 --admin-phone +8613912345678 [--out .data/invitations]
 *   invite-admin --company <name or id> --phone +8613912345678 [--out …]
 */
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../boot.js';
import { closeDeps, createDeps } from '../deps.js';
import { migrationsBehindMessage, pendingMigrations } from '../migrations.js';
import { AdminError, createCompany, inviteAdmin, type InvitationPrintout } from './companies.js';

const USAGE = `usage:
  npm run admin -- create-company --name <company name> --admin-phone <+86…> [--out <dir>]
  npm run admin -- invite-admin --company <company name or id> --phone <+86…> [--out <dir>]`;

function print(p: InvitationPrintout) {
  const lines = [
    `company: ${p.companyName} (${p.companyId})`,
    `invitation for ${p.phone} as company admin, valid until ${p.expiresAt.toISOString()}, once:`,
    `  link: ${p.link}`,
    p.imagePath
      ? `  mini-program code: ${p.imagePath}`
      : `  mini-program code: not made (${p.imageError}); send the link instead`,
    'The person opens it in WeChat, signed in with that phone number, and accepts.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      'admin-phone': { type: 'string' },
      company: { type: 'string' },
      phone: { type: 'string' },
      out: { type: 'string', default: '.data/invitations' },
    },
  });
  const run =
    command === 'create-company' && values.name && values['admin-phone']
      ? (deps: ReturnType<typeof createDeps>) =>
          createCompany(deps, { name: values.name!, adminPhone: values['admin-phone']!, outDir: values.out! })
      : command === 'invite-admin' && values.company && values.phone
        ? (deps: ReturnType<typeof createDeps>) =>
            inviteAdmin(deps, { company: values.company!, phone: values.phone!, outDir: values.out! })
        : null;
  if (!run) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(64); // EX_USAGE
  }
  const config = loadConfigOrExit();
  const deps = createDeps(config, { registry: { uploadAccess: () => undefined, moderation: () => undefined } });
  try {
    // The same check the API and worker make at start (and /readyz reports): never write into a
    // database whose tables are older than this code.
    const pending = await pendingMigrations(deps.sql);
    if (pending.length > 0) {
      process.stderr.write(`${migrationsBehindMessage(pending)}\n`);
      process.exitCode = 78;
      return;
    }
    print(await run(deps));
  } catch (err) {
    // A refusal, or the database or WeChat out of reach: said in one line, not a stack.
    process.stderr.write(`${err instanceof AdminError ? '' : 'failed: '}${(err as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await closeDeps(deps);
  }
}

void main();
