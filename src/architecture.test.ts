import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './config/readConfig.js';

/**
 * The layer table in docs/ARCHITECTURE.md is the rule; this test reads it and every import under
 * src/, and names each import a layer may not make. A "may use" cell lists backticked folders
 * (`core`), folders whose types alone may be used (`store` types), single modules (`store/storeFailure.ts`),
 * or says `all`. Tests may use anything, as src/testing/ does.
 */
const SRC = join(PROJECT_ROOT, 'src');

interface Allowed {
  folders: Set<string>;
  typesOf: Set<string>;
  modules: Set<string>;
  all: boolean;
}

function readLayerTable(markdown: string): Map<string, Allowed> {
  const table = new Map<string, Allowed>();
  for (const line of markdown.split('\n')) {
    const folder = /^\| `src\/([a-z]+)\/` \|/.exec(line)?.[1];
    if (!folder) continue;
    const cell = line.split('|').at(-2) ?? '';
    const allowed: Allowed = { folders: new Set(), typesOf: new Set(), modules: new Set(), all: false };
    for (const m of cell.matchAll(/`([^`]+)`( types)?/g)) {
      const name = m[1] ?? '';
      if (name === 'all') allowed.all = true;
      else if (name.includes('/')) allowed.modules.add(name);
      else if (m[2]) allowed.typesOf.add(name);
      else allowed.folders.add(name);
    }
    table.set(folder, allowed);
  }
  return table;
}

interface Import {
  file: string;
  target: string;
  typeOnly: boolean;
}

/** Every relative import and re-export of a source file, with whether it brings in types alone. */
function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  const statement = /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s+'(\.[^']+)'/gms;
  for (const m of text.matchAll(statement)) {
    const specifiers = m[3] ?? '';
    const named = /^\{([^}]*)\}$/.exec(specifiers.trim())?.[1];
    const allTyped =
      named
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type ')) === true;
    out.push({
      file,
      target: normalize(join(dirname(file), m[4] ?? '')),
      typeOnly: Boolean(m[2]) || allTyped,
    });
  }
  for (const m of text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g))
    out.push({ file, target: normalize(join(dirname(file), m[1] ?? '')), typeOnly: false });
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The imports that break the table, as "file → target (layer may use …)". */
function layerViolations(table: Map<string, Allowed>, imports: readonly Import[]): string[] {
  const out: string[] = [];
  for (const i of imports) {
    const from = relative(SRC, i.file).split('/')[0] ?? '';
    const targetPath = relative(SRC, i.target);
    const to = targetPath.split('/')[0] ?? '';
    if (to === from || to.startsWith('..') || !targetPath.includes('/')) continue;
    const allowed = table.get(from);
    const module = targetPath.replace(/\.js$/, '.ts');
    const ok =
      allowed &&
      (allowed.all ||
        allowed.folders.has(to) ||
        allowed.modules.has(module) ||
        (i.typeOnly && allowed.typesOf.has(to)));
    if (!ok) out.push(`${relative(SRC, i.file)} → ${module} (${from} may not use ${to})`);
  }
  return out;
}

const table = readLayerTable(readFileSync(join(PROJECT_ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8'));

describe('the layers of docs/ARCHITECTURE.md', () => {
  it('has a row for every folder under src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !table.has(f))).toEqual([]);
  });

  it('is kept by every import under src/', () => {
    const imports = sourceFiles(SRC).flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));
    expect(imports.length).toBeGreaterThan(500);
    expect(layerViolations(table, imports)).toEqual([]);
  });

  it('names an import its layer may not make, and lets types through only where the table says types', () => {
    const rules = readLayerTable(
      ['| `src/core/` | x | nothing outside `core` |', '| `src/store/` | x | `core`, `factory` types |'].join(
        '\n',
      ),
    );
    const at = (file: string) => join(SRC, file);
    const imports = [
      ...importsOf(at('core/a.ts'), "import { x } from '../store/b.js';"),
      ...importsOf(at('store/b.ts'), "import type { Claim } from '../factory/c.js';"),
      ...importsOf(at('store/b.ts'), "import { type Claim, read } from '../factory/c.js';"),
      ...importsOf(at('store/b.ts'), "import { y } from '../core/d.js';"),
    ];
    expect(layerViolations(rules, imports)).toEqual([
      'core/a.ts → store/b.ts (core may not use store)',
      'store/b.ts → factory/c.ts (store may not use factory)',
    ]);
  });
});
