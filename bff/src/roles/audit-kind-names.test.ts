import { describe, expect, it } from 'vitest';
import { COMMUNITY_AUDIT_KINDS, ROLE_AUDIT_KINDS } from './audit-write.js';
import { AUDIT_KIND_NAMES } from './audit-kind-names.js';

describe('audit kinds', () => {
  it('every kind written has its Chinese name (the screen, its filter and the export show them)', () => {
    for (const kind of [...ROLE_AUDIT_KINDS, ...COMMUNITY_AUDIT_KINDS]) expect(AUDIT_KIND_NAMES[kind]).toBeTruthy();
  });
});
