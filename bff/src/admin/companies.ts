import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Deps } from '../deps.js';
import { createInvitation, invitationEntry } from '../invitations/invitations.js';
import { parsePhone } from '../import/normalise.js';

/** A refusal the command prints as is and exits non-zero with. */
export class AdminError extends Error {}

export type InvitationPrintout = {
  companyId: string;
  companyName: string;
  phone: string;
  link: string;
  expiresAt: Date;
  /** The mini-program code's image file, or why WeChat could not make one (the link still works). */
  imagePath: string | null;
  imageError: string | null;
};

function phoneOrRefuse(raw: string): string {
  const phone = parsePhone(raw);
  if (!phone) throw new AdminError(`Not a mobile number: ${raw} (write +8613912345678, or 13912345678 for mainland)`);
  return phone;
}

/** One company-admin invitation for `phone`, with its code written to `outDir` and its link. */
async function inviteCompanyAdmin(
  deps: Deps,
  company: { id: string; name: string },
  phone: string,
  outDir: string,
): Promise<InvitationPrintout> {
  const inv = await createInvitation(deps, {
    companyId: company.id,
    communityId: null,
    role: 'COMPANY_ADMIN',
    phone,
    createdById: null,
  });
  const base = { companyId: company.id, companyName: company.name, phone, expiresAt: inv.expiresAt };
  let link = '';
  try {
    const entry = await invitationEntry(deps, inv.token);
    link = entry.link;
    mkdirSync(outDir, { recursive: true });
    const imagePath = resolve(join(outDir, `invitation-${inv.id}.${entry.code.type === 'image/png' ? 'png' : 'jpg'}`));
    writeFileSync(imagePath, entry.code.image, { mode: 0o600 });
    return { ...base, link, imagePath, imageError: null };
  } catch (err) {
    link ||= `${deps.config.publicBaseUrl}/#/packages/staff/invitation/index?scene=${inv.token}`;
    return { ...base, link, imagePath: null, imageError: (err as Error).message };
  }
}

/** `npm run admin -- create-company`: the company, and an invitation for its first administrator. */
export async function createCompany(deps: Deps, input: { name: string; adminPhone: string; outDir: string }) {
  const name = input.name.trim();
  if (!name) throw new AdminError('The company needs a name (--name)');
  const phone = phoneOrRefuse(input.adminPhone);
  if (await deps.db.propertyCompany.findFirst({ where: { name } }))
    throw new AdminError(`A company named ${name} exists already; to invite another admin use invite-admin`);
  const company = await deps.db.propertyCompany.create({ data: { name } });
  return inviteCompanyAdmin(deps, company, phone, input.outDir);
}

/** `npm run admin -- invite-admin`: recovery when a company has lost its administrators. */
export async function inviteAdmin(deps: Deps, input: { company: string; phone: string; outDir: string }) {
  const phone = phoneOrRefuse(input.phone);
  const byId = /^[0-9a-f-]{36}$/i.test(input.company);
  const companies = await deps.db.propertyCompany.findMany({
    where: byId ? { id: input.company } : { name: input.company.trim() },
  });
  if (companies.length !== 1)
    throw new AdminError(
      companies.length === 0
        ? `No company ${input.company}`
        : `${companies.length} companies named ${input.company}: use its id`,
    );
  return inviteCompanyAdmin(deps, companies[0]!, phone, input.outDir);
}
