import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';

export type Db = PrismaClient;

/** Prisma 6 with the query compiler talks to PostgreSQL through node-postgres (the pg adapter). */
export function createDb(databaseUrl: string, connectTimeoutMs = 2000): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: connectTimeoutMs }) });
}
