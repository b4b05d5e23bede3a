import { expect, it } from 'vitest';
import type { Claim, CrosswalkEntry } from '../../core/evidence.js';
import { refusal, storeContract } from '../../testing/storeContract.js';
import {
  countEvidence,
  markProposalsApplied,
  type NewDocument,
  readEvidence,
  readEvidenceSpans,
  readSourceProposals,
  readStoredDocument,
  saveDocument,
} from '../documentRepository.js';
import type { CanonDb } from '../openStore.js';
import { readTaxonomy } from '../taxonomyRepository.js';

const P2 = 'TECHNO.SOFTWARE0000.P2';
const P3 = 'TECHNO.SOFTWARE0000.P3';

const crosswalk = (label: string, code: string, rank: number): CrosswalkEntry => ({
  label,
  titles: [`${label} Engineer`],
  canonical: { code, track: 'P', rank, title: `${code} level` },
  confidence: 0.8,
  reason: `${label} reads as ${code}`,
});

/** A small ladder: its claims listed out of document order, one of each kind of detail. */
function ladder(sourceId = 'doc-ladder', contentHash = 'hash-ladder'): NewDocument {
  const claims: Claim[] = [
    {
      kind: 'responsibility',
      subtype: null,
      text: 'Leads the design of services',
      level: 'L2',
      sectionPath: ['Ladder', 'L2'],
      start: 120,
      end: 150,
    },
    {
      kind: 'experience',
      subtype: null,
      text: '2-4 years',
      level: 'L1',
      sectionPath: ['Ladder', 'L1'],
      start: 40,
      end: 49,
      years: { min: 2, max: 4, openEnded: false },
    },
    { kind: 'skill', subtype: 'hard', text: 'TypeScript', level: null, sectionPath: [], start: 10, end: 20 },
    {
      kind: 'transition',
      subtype: null,
      text: 'From L1 to L2 by owning a service',
      level: 'L9',
      sectionPath: ['Growth'],
      start: 200,
      end: 233,
      from: 'L1',
      to: 'L2',
    },
    {
      kind: 'title',
      subtype: null,
      text: 'Staff Engineer',
      level: 'L2',
      sectionPath: ['Ladder', 'L2'],
      start: 90,
      end: 104,
    },
  ];
  return {
    sourceId,
    contentHash,
    name: 'ladder.md',
    title: 'Engineering ladder',
    kind: 'ladder',
    format: 'markdown',
    ladder: 'acme',
    body: '# Engineering ladder\n\nTypeScript, 2-4 years, Staff Engineer, services, growth.',
    levels: [crosswalk('L1', 'P2', 2), crosswalk('L2', 'P3', 3)],
    warnings: ['No pay stated'],
    claims,
    proposals: [
      {
        profileCode: P3,
        proposal: {
          set: {
            experience: { min: 2, max: 4, openEnded: false, text: '2-4 years', sources: [sourceId] },
          },
          add: {
            responsibilities: [
              { text: 'Leads the design of services', sources: [sourceId] },
              { text: 'A statement no claim stands behind', sources: [sourceId] },
            ],
            aliases: [{ text: 'Staff Engineer', sources: [sourceId] }],
            skills: [{ name: 'TypeScript', application: 'Writes it', kind: 'hard', sources: [sourceId] }],
          },
        },
        statementClaims: { responsibilities: [0], aliases: [4], skills: [2], experience: 1 },
        note: 'from L2 of acme',
      },
      {
        profileCode: P2,
        proposal: { add: { responsibilities: [{ text: 'Ships features', sources: [sourceId] }] } },
        statementClaims: { responsibilities: [], aliases: [], skills: [], experience: null },
        note: 'from L1 of acme',
      },
    ],
  };
}

const save = (db: CanonDb, doc: NewDocument, actor = 'key:0a1b2c3d (alice)') =>
  db.transaction((tx) => saveDocument(tx, actor, doc));

await storeContract('documentRepository', (store) => {
  it('stores a document as an ingested source, and reads the document back as given', async () => {
    const { db } = store();
    const doc = ladder();
    expect(await save(db, doc)).toEqual({ created: true, claims: 5 });
    const stored = await readStoredDocument(db, doc.sourceId);
    expect(stored).toEqual({
      sourceId: doc.sourceId,
      contentHash: doc.contentHash,
      name: doc.name,
      format: doc.format,
      ladder: doc.ladder,
      body: doc.body,
      levels: doc.levels,
      warnings: doc.warnings,
      ingestedBy: 'key:0a1b2c3d (alice)',
      ingestedAt: expect.any(String),
    });
    expect(Math.abs(Date.parse(stored?.ingestedAt ?? '') - Date.now())).toBeLessThan(60_000);
    await save(db, {
      ...ladder('doc-plain', 'hash-plain'),
      title: 'Plain ladder',
      ladder: null,
      warnings: [],
    });
    expect(await readStoredDocument(db, 'doc-plain')).toMatchObject({ ladder: null, warnings: [] });
    expect((await readTaxonomy(db)).sources).toEqual([
      {
        id: 'doc-ladder',
        title: 'Engineering ladder',
        kind: 'ladder',
        publisher: null,
        url: null,
        note: 'Ingested from ladder.md (ladder acme)',
      },
      {
        id: 'doc-plain',
        title: 'Plain ladder',
        kind: 'ladder',
        publisher: null,
        url: null,
        note: 'Ingested from ladder.md',
      },
    ]);
    expect(await readStoredDocument(db, 'doc-missing')).toBeNull();
  });

  it('reads evidence in document order, each claim with its canonical level and details', async () => {
    const { db } = store();
    const doc = ladder();
    await save(db, doc);
    const evidence = await readEvidence(db, doc.sourceId, { limit: 100, offset: 0 });
    expect(evidence.map((e) => e.text)).toEqual([
      'TypeScript',
      '2-4 years',
      'Staff Engineer',
      'Leads the design of services',
      'From L1 to L2 by owning a service',
    ]);
    expect(evidence.map(({ id: _id, ...row }) => row)).toEqual([
      {
        sourceId: doc.sourceId,
        kind: 'skill',
        subtype: 'hard',
        text: 'TypeScript',
        levelLabel: null,
        canonicalLevel: null,
        sectionPath: [],
        startOffset: 10,
        endOffset: 20,
        details: null,
      },
      {
        sourceId: doc.sourceId,
        kind: 'experience',
        subtype: null,
        text: '2-4 years',
        levelLabel: 'L1',
        canonicalLevel: 'P2',
        sectionPath: ['Ladder', 'L1'],
        startOffset: 40,
        endOffset: 49,
        details: { years: { min: 2, max: 4, openEnded: false }, from: null, to: null },
      },
      {
        sourceId: doc.sourceId,
        kind: 'title',
        subtype: null,
        text: 'Staff Engineer',
        levelLabel: 'L2',
        canonicalLevel: 'P3',
        sectionPath: ['Ladder', 'L2'],
        startOffset: 90,
        endOffset: 104,
        details: null,
      },
      {
        sourceId: doc.sourceId,
        kind: 'responsibility',
        subtype: null,
        text: 'Leads the design of services',
        levelLabel: 'L2',
        canonicalLevel: 'P3',
        sectionPath: ['Ladder', 'L2'],
        startOffset: 120,
        endOffset: 150,
        details: null,
      },
      {
        sourceId: doc.sourceId,
        kind: 'transition',
        subtype: null,
        text: 'From L1 to L2 by owning a service',
        levelLabel: 'L9',
        canonicalLevel: null,
        sectionPath: ['Growth'],
        startOffset: 200,
        endOffset: 233,
        details: { years: null, from: 'L1', to: 'L2' },
      },
    ]);
    expect(await readEvidenceSpans(db, doc.sourceId)).toEqual(
      evidence.map(({ id, kind, startOffset, endOffset }) => ({ id, kind, startOffset, endOffset })),
    );
    expect(await countEvidence(db, doc.sourceId)).toBe(5);
    expect(await countEvidence(db, 'doc-missing')).toBe(0);
    expect(await readEvidence(db, 'doc-missing', { limit: 10, offset: 0 })).toEqual([]);
  });

  it('pages evidence with limit and offset, each row once', async () => {
    const { db } = store();
    await save(db, ladder());
    await save(db, ladder('doc-other', 'hash-other'));
    const whole = await readEvidence(db, 'doc-ladder', { limit: 100, offset: 0 });
    const pages = await Promise.all(
      [0, 2, 4].map((offset) => readEvidence(db, 'doc-ladder', { limit: 2, offset })),
    );
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(whole);
    expect(await readEvidence(db, 'doc-ladder', { limit: 2, offset: 5 })).toEqual([]);
  });

  it('links each suggested statement to the evidence of the claim it came from', async () => {
    const { db } = store();
    const doc = ladder();
    await save(db, doc);
    const evidence = await readEvidence(db, doc.sourceId, { limit: 100, offset: 0 });
    const ref = (text: string) => [{ source: doc.sourceId, id: evidence.find((e) => e.text === text)?.id }];
    const [p3, p2] = await readSourceProposals(db, { sourceId: doc.sourceId });
    expect(p3).toEqual({
      id: expect.any(Number),
      sourceId: doc.sourceId,
      profileCode: P3,
      status: 'open',
      note: 'from L2 of acme',
      createdAt: expect.any(String),
      proposal: {
        set: {
          experience: {
            min: 2,
            max: 4,
            openEnded: false,
            text: '2-4 years',
            sources: [doc.sourceId],
            evidence: ref('2-4 years'),
          },
        },
        add: {
          responsibilities: [
            {
              text: 'Leads the design of services',
              sources: [doc.sourceId],
              evidence: ref('Leads the design of services'),
            },
            { text: 'A statement no claim stands behind', sources: [doc.sourceId] },
          ],
          aliases: [{ text: 'Staff Engineer', sources: [doc.sourceId], evidence: ref('Staff Engineer') }],
          skills: [
            {
              name: 'TypeScript',
              application: 'Writes it',
              kind: 'hard',
              sources: [doc.sourceId],
              evidence: ref('TypeScript'),
            },
          ],
        },
      },
    });
    expect(p2).toMatchObject({ profileCode: P2, status: 'open', proposal: doc.proposals[1]?.proposal });
  });

  it('stores every claim of a long document, and links statements to claims past the first batch', async () => {
    const { db } = store();
    const claims: Claim[] = Array.from({ length: 250 }, (_, i) => ({
      kind: 'responsibility',
      subtype: null,
      text: `Claim ${i}`,
      level: 'L1',
      sectionPath: ['L1'],
      start: (250 - i) * 10,
      end: (250 - i) * 10 + 5,
    }));
    const doc: NewDocument = {
      ...ladder(),
      claims,
      proposals: [
        {
          profileCode: P2,
          proposal: { add: { responsibilities: [{ text: 'Claim 220', sources: ['doc-ladder'] }] } },
          statementClaims: { responsibilities: [220], aliases: [], skills: [], experience: null },
          note: 'long',
        },
      ],
    };
    expect(await save(db, doc)).toEqual({ created: true, claims: 250 });
    expect(await countEvidence(db, doc.sourceId)).toBe(250);
    const spans = await readEvidenceSpans(db, doc.sourceId);
    expect(spans.map((s) => s.startOffset)).toEqual(claims.map((c) => c.start).reverse());
    const [stored] = await readSourceProposals(db, { sourceId: doc.sourceId });
    const linked = stored?.proposal.add?.responsibilities?.[0]?.evidence?.[0]?.id;
    const [row] = await readEvidence(db, doc.sourceId, { limit: 1, offset: 250 - 1 - 220 });
    expect(row?.text).toBe('Claim 220');
    expect(linked).toBe(row?.id);
  });

  it('stores a source id once: saving it again reports created false and changes nothing', async () => {
    const { db } = store();
    await save(db, ladder());
    const again: NewDocument = { ...ladder(), name: 'renamed.md', claims: [], body: 'Other text' };
    expect(await save(db, again, 'someone else')).toEqual({ created: false, claims: 0 });
    expect(await readStoredDocument(db, 'doc-ladder')).toMatchObject({
      name: 'ladder.md',
      ingestedBy: 'key:0a1b2c3d (alice)',
    });
    expect(await countEvidence(db, 'doc-ladder')).toBe(5);
    expect(await readSourceProposals(db, {})).toHaveLength(2);
  });

  it('refuses the same content under another source id, keeping nothing of it', async () => {
    const { db } = store();
    await save(db, ladder());
    expect(await refusal(save(db, ladder('doc-copy', 'hash-ladder')))).toMatch(
      /duplicate key value violates unique constraint "documents_content_hash/,
    );
    expect(await readStoredDocument(db, 'doc-copy')).toBeNull();
    expect(await countEvidence(db, 'doc-copy')).toBe(0);
    expect((await readTaxonomy(db)).sources.map((s) => s.id)).toEqual(['doc-ladder']);
  });

  it('reads proposals by source, profile and status, in the order they were stored', async () => {
    const { db } = store();
    await save(db, ladder('doc-a', 'hash-a'));
    await save(db, ladder('doc-b', 'hash-b'));
    const all = await readSourceProposals(db, {});
    expect(all.map((p) => [p.sourceId, p.profileCode])).toEqual([
      ['doc-a', P3],
      ['doc-a', P2],
      ['doc-b', P3],
      ['doc-b', P2],
    ]);
    expect((await readSourceProposals(db, { profileCode: P3 })).map((p) => p.sourceId)).toEqual([
      'doc-a',
      'doc-b',
    ]);
    expect((await readSourceProposals(db, { profileCode: P2, sourceId: 'doc-b' })).map((p) => p.id)).toEqual([
      all[3]?.id,
    ]);

    await db.transaction((tx) => markProposalsApplied(tx, [all[0]?.id ?? 0, all[3]?.id ?? 0]));
    await db.transaction((tx) => markProposalsApplied(tx, []));
    expect((await readSourceProposals(db, { status: 'applied' })).map((p) => p.id)).toEqual([
      all[0]?.id,
      all[3]?.id,
    ]);
    expect((await readSourceProposals(db, { profileCode: P3, status: 'open' })).map((p) => p.id)).toEqual([
      all[2]?.id,
    ]);
  });

  it('keeps nothing of a document whose transaction rolled back, so it can be stored later', async () => {
    const { db } = store();
    const failure = new Error('the audit entry failed');
    await expect(
      db.transaction(async (tx) => {
        await saveDocument(tx, 'alice', ladder());
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await readStoredDocument(db, 'doc-ladder')).toBeNull();
    expect(await countEvidence(db, 'doc-ladder')).toBe(0);
    expect(await readSourceProposals(db, {})).toEqual([]);
    expect((await readTaxonomy(db)).sources).toEqual([]);
    expect(await save(db, ladder())).toEqual({ created: true, claims: 5 });
  });
});
