import { readFile } from 'node:fs/promises';
import { readDocument, countClaims } from '../src/factory/readDocument.js';
for (const f of process.argv.slice(2)) {
  const d = await readDocument({ name: f, bytes: await readFile(f) });
  console.log('==', f.split('/').pop(), d.tree.format, JSON.stringify(d.tree.title), d.warnings);
  d.crosswalk.forEach((c) => console.log('  ', c.label, '→', c.canonical.code, c.confidence, '|', c.reason));
  console.log('  ', JSON.stringify(countClaims(d.claims)));
  for (const c of d.claims.filter((c) => c.kind === 'experience' || c.kind === 'transition' || c.kind === 'career_path' || c.kind==='education')) console.log('     ', c.kind, c.subtype ?? '', c.level ?? '-', JSON.stringify(c.years ?? ''), c.from ?? '', c.to ?? '', c.text.slice(0, 70));
}
