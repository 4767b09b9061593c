// Prisma CLI config. Prisma 6.19 with the JavaScript schema engine migrates offline (docs/toolchain.md):
// the classic engine would download a native binary first, which this network does not allow.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

function discreteConnection(url: string) {
  // `migrate dev` fails on the shadow database when the adapter gets a connectionString
  // (docs/toolchain.md), so the URL is split into discrete fields.
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || 'postgres'),
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is required for Prisma CLI commands that touch the database');
    return new PrismaPg(discreteConnection(url));
  },
});
