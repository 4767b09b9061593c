import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { tally, TallyError } from '../bff/src/elections/tally.js';

/**
 * Anyone can re-run the count: `npm run tally -- <export.json>` reads an election's export (README:
 * "Elections: export and result formats") and prints the result as JSON — the same pure function the
 * BFF tallies with. Fields beyond these are ignored.
 */
const ZExport = z.object({
  seats: z.number().int().positive(),
  class: z.enum(['ordinary', 'special']),
  candidates: z.array(z.string().min(1)),
  roster: z.array(
    z.object({
      unit: z.string().min(1),
      area: z.string().regex(/^\d+(\.\d+)?$/, 'area must be a decimal string such as "90.12"'),
      owner: z.string().min(1),
      developerHeld: z.boolean().optional(),
      delivered: z.boolean().optional(),
    }),
  ),
  ballots: z.array(z.object({ owner: z.string().min(1), choices: z.array(z.string()) })),
  rules: z.object({ deliveredCounts: z.boolean().optional(), silenceFollows: z.boolean().optional() }).optional(),
});

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run tally -- <export.json>\n');
  process.exit(2);
}
try {
  const parsed = ZExport.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new TallyError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  process.stdout.write(`${JSON.stringify(tally(parsed.data), null, 2)}\n`);
} catch (err) {
  process.stderr.write(`tally: ${(err as Error).message}\n`);
  process.exit(1);
}
