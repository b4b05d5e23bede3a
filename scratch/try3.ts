import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readLadder, countClaims } from '../src/factory/readDocument.js';
const dir = process.argv[2] as string;
const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
const docs = await readLadder(await Promise.all(files.map(async (f) => ({ name: f, bytes: await readFile(join(dir, f)) }))));
for (const d of docs) { console.log('==', d.name, d.warnings); d.crosswalk.forEach((c) => console.log('  ', c.label, '→', c.canonical.code, c.confidence, '|', c.reason)); console.log('  ', JSON.stringify(countClaims(d.claims))); }
