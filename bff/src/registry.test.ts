import { describe, expect, it } from 'vitest';
import type { Module } from './module.js';
import { createRegistry } from './registry.js';

const yes = async () => true;
const apply = async () => undefined;

describe('createRegistry', () => {
  it('finds each kind in the module that declares it, and nothing for a kind none declares', () => {
    const registry = createRegistry([
      { name: 'a', uploadAccess: { photo: yes } },
      { name: 'b', moderation: { note: apply } },
    ]);
    expect(registry.uploadAccess('photo')).toBe(yes);
    expect(registry.uploadAccess('note')).toBeUndefined();
    expect(registry.moderation('note')).toBe(apply);
    expect(registry.moderation('photo')).toBeUndefined();
  });

  it('refuses a kind two modules both claim', () => {
    const twice: Module[] = [
      { name: 'a', uploadAccess: { photo: yes } },
      { name: 'b', uploadAccess: { photo: yes } },
    ];
    expect(() => createRegistry(twice)).toThrow("uploadAccess 'photo' is claimed by both a and b");
  });
});
