import { createDb } from '../bff/src/db.js';
import { seedDemo } from './seed.js';

/** `npm run db:seed`: seeds the demo company into DATABASE_URL for WECHAT_APPID (idempotent). */
const url = process.env.DATABASE_URL;
const appid = process.env.WECHAT_APPID;
if (!url || !appid) {
  process.stderr.write('db:seed needs DATABASE_URL and WECHAT_APPID\n');
  process.exit(78);
}
const db = createDb(url);
try {
  process.stdout.write(`${JSON.stringify(await seedDemo(db, appid), null, 2)}\n`);
} finally {
  await db.$disconnect();
}
