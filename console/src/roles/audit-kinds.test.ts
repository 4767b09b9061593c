import { describe, expect, it } from 'vitest';
import { AUDIT_KIND_NAMES } from '../../../bff/src/roles/audit-log.js';
import { COMMUNITY_AUDIT_KINDS, ROLE_AUDIT_KINDS } from '../../../bff/src/roles/audit-write.js';
import { AUDIT_KINDS } from './audit-kinds';

describe('the audit screen’s kind filter', () => {
  it('offers every kind the BFF writes, under the name the BFF shows', () => {
    expect(AUDIT_KINDS).toEqual(AUDIT_KIND_NAMES);
    for (const kind of [...ROLE_AUDIT_KINDS, ...COMMUNITY_AUDIT_KINDS]) expect(AUDIT_KINDS[kind]).toBeTruthy();
  });
});
