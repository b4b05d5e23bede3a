import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lockDataDir } from '../store/dataDirLock.js';
import { EXIT_CODES } from './exitCodes.js';
import { run } from './run.js';

let dir: string;
let dataDir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-cli-'));
  dataDir = join(dir, 'store');
  // An on-disk store cloned from the test template, so commands reopen it (~1 s) instead of running initdb.
  const client = await PGlite.create(dataDir, {
    loadDataDir: new Blob([await readFile(inject('pgliteTemplate'))]),
  });
  await client.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function canon(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('canon CLI', () => {
  it('shows a profile as text', async () => {
    const { code, out } = await canon('show', 'TECHNO.TECHNOLO6B55.M3', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(out).toContain('Technology Executive Leadership — M3');
    expect(out).toContain('Market pay (median): $120k ($95k–$153k)');
    expect(out).toContain('O*NET / SOC 11-3021');
  });

  it('shows a profile as the API JSON', async () => {
    const { code, out } = await canon('show', 'TECHNO.TECHNOLO6B55.M6', '--json', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      code: 'TECHNO.TECHNOLO6B55.M6',
      level: { title: 'Vice President' },
    });
  });

  it('exports JSON with a top-level profiles array to a file', async () => {
    const file = join(dir, 'profiles.json');
    const { code, err } = await canon('export', '--format', 'json', '--out', file, '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(err).toMatch(/Exported 13 profiles/);
    const body = JSON.parse(await readFile(file, 'utf8'));
    expect(body.profiles.map((p: { code: string }) => p.code)).toContain('TECHNO.TECHNOLO6B55.M3');
  });

  it('exports CSV with a header and one row per profile', async () => {
    const { code, out } = await canon('export', '-f', 'csv', '--data-dir', dataDir);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^code,title,function,focus,level,/);
    expect(lines).toHaveLength(14);
    expect(out).toContain('TECHNO.TECHNOLO6B55.M3,Technology Executive Leadership — M3');
  });

  it('prints the level framework', async () => {
    const { code, out } = await canon('levels', '--track', 'm');
    expect(code).toBe(0);
    expect(out.split('\n').filter(Boolean)).toHaveLength(7);
    expect(out).toMatch(/M3\s+5\s+Senior Manager\s+8–12 yrs/);
    expect(JSON.parse((await canon('levels', '--json')).out).items).toHaveLength(15);
  });

  it.each([
    [
      ['show', 'TECHNO.TECHNOLO6B55.P1', '--data-dir'],
      EXIT_CODES.not_found,
      /No profile with code "TECHNO.TECHNOLO6B55.P1"/,
    ],
    [['show', 'nonsense', '--data-dir'], EXIT_CODES.not_found, /expected FUNCTION.FOCUS.LEVEL/],
    [
      ['export', '--format', 'xml', '--data-dir'],
      EXIT_CODES.invalid_input,
      /--format must be json or csv; got "xml"/,
    ],
  ])('fails %j with one line and exit code %i', async (args, exit, message) => {
    const { code, err } = await canon(...args, dataDir);
    expect(code).toBe(exit);
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    [['levels', '--track', 'Z'], /--track must be P, M or E/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['show'], /missing required argument 'code'/],
    [['serve', '--port', 'eighty'], /expected a whole number/],
    [['export'], /required option '-f, --format <format>' not specified/],
  ])('rejects bad usage %j with exit code 2', async (args, message) => {
    const { code, err } = await canon(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('has help for every command', async () => {
    for (const command of [[], ['serve'], ['show'], ['export'], ['levels']]) {
      const { code, out } = await canon(...command, '--help');
      expect(code).toBe(0);
      expect(out).toMatch(/Usage: canon/);
    }
  });

  it.each([
    ['into a missing folder', () => join(dir, 'missing-folder', 'x.json')],
    ['over a folder', () => dir],
  ])('leaves no file behind when an export cannot be written %s', async (_name, target) => {
    const before = await readdir(dir);
    const { code, err } = await canon('export', '-f', 'json', '--out', target(), '--data-dir', dataDir);
    expect(code).toBe(EXIT_CODES.invalid_input);
    expect(err).toMatch(/Cannot write/);
    expect(await readdir(dir)).toEqual(before);
  });

  it('refuses a data folder that a running Canon holds, with exit code 5', async () => {
    const unlock = await lockDataDir(dataDir);
    try {
      const { code, err } = await canon('show', 'TECHNO.TECHNOLO6B55.M3', '--data-dir', dataDir);
      expect(code).toBe(EXIT_CODES.store_unavailable);
      expect(err).toMatch(/in use by another Canon process/);
    } finally {
      await unlock();
    }
  });

  it('prints a progression guide', async () => {
    const { code, out } = await canon(
      'progression',
      'TECHNO.TECHNOLO6B55.M3',
      'TECHNO.TECHNOLO6B55.M4',
      '--data-dir',
      dataDir,
    );
    expect(code).toBe(0);
    expect(out).toContain('Typical time: 3–5+ years');
    const across = await canon(
      'progression',
      'TECHNO.TECHNOLO6B55.M3',
      'TECHNO.ENGINEER9222.M3',
      '--data-dir',
      dataDir,
    );
    expect(across.code).toBe(EXIT_CODES.invalid_input);
  });

  it('writes a job description as Markdown and as HTML', async () => {
    const md = await canon('jd', 'TECHNO.TECHNOLO6B55.M3', '--format', 'md', '--data-dir', dataDir);
    expect(md.out).toMatch(/^# Technology Executive Leadership — Senior Manager \(M3\)/);
    const file = join(dir, 'jd.html');
    const html = await canon(
      'jd',
      'TECHNO.TECHNOLO6B55.M3',
      '-f',
      'html',
      '--out',
      file,
      '--data-dir',
      dataDir,
    );
    expect(html.code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/<!doctype html>.*Core responsibilities/s);
    expect((await canon('jd', 'TECHNO.TECHNOLO6B55.M3', '-f', 'pdf', '--data-dir', dataDir)).code).toBe(
      EXIT_CODES.invalid_input,
    );
  });
});
