import { describe, expect, it } from 'vitest';
import { DEMO_OPENIDS } from '../prisma/seed.js';
import { DEMO_USERS } from '../miniapp/src/dev/demo-users.js';

describe('H5 development login', () => {
  it('offers exactly the demo users the seed creates', () => {
    expect(DEMO_USERS.map((u) => u.openid).sort()).toEqual(Object.values(DEMO_OPENIDS).sort());
  });
});
