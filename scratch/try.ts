import { readFile } from 'node:fs/promises';
import { parseDocument } from '../src/factory/parse/parseDocument.js';
import { walkSections } from '../src/factory/documentTree.js';
for (const f of process.argv.slice(2)) {
  const t = await parseDocument({ name: f, bytes: await readFile(f) });
  console.log('==', f, t.format, JSON.stringify(t.title), t.meta);
  for (const [s, path] of walkSections(t.root)) if (s.heading) console.log('  '.repeat(s.depth), s.depth, s.title, `(${s.blocks.length})`);
}
