import type { Catalog } from '../core/catalog.js';
import type { CrosswalkEntry, SynthesizedProposal } from '../core/evidence.js';
import { groupBy } from '../core/groupBy.js';
import { contentStems, similarity } from '../core/review/textSimilarity.js';
import type { Skill } from '../core/taxonomy.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import type { ReadDocument } from './readDocument.js';

/** At most this many responsibilities are suggested per profile per document: reviewers read every one. */
const MAX_RESPONSIBILITIES = 5;
const MAX_SKILLS = 8;
/** A responsibility this alike to one the profile has adds nothing. */
const ALREADY_SAID = 0.5;
const CONCRETE =
  /\d|\b(?:teams?|organi[sz]ation|company|department|domain|budget|roadmap|platform|board|customers?)\b/i;

/**
 * Turns a document's evidence into proposals for the canonical profiles its
 * levels resolve to: the focus from the level's titles (the title resolver),
 * the level from the crosswalk. Suggests the level's titles as aliases and its
 * most concrete responsibilities that the profile does not already state,
 * each citing the document. Proposals only ever become drafts; approved
 * content is never touched here.
 */
export function synthesizeProposals(
  doc: ReadDocument & { crosswalk: readonly CrosswalkEntry[] },
  sourceId: string,
  catalog: Catalog,
  resolver: TitleResolver,
): SynthesizedProposal[] {
  const out: SynthesizedProposal[] = [];
  // Each level's claims with their index in the document, gathered once: a 2 MB ladder has hundreds of
  // levels and a thousand claims, and scanning every claim for every level cost 0.75 s of main thread.
  const claimsOf = groupBy(
    doc.claims.map((c, index) => ({ c, index })),
    ({ c }) => c.level,
  );
  doc.crosswalk.forEach((entry, i) => {
    const level = doc.levels[i];
    if (!level) return;
    const focus = level.titles
      .map((t) => resolver.resolve({ title: t }).candidates.find((c) => c.focus)?.focus)
      .find(Boolean);
    if (!focus) return;
    const fn = catalog.findFocus(focus.code)?.functionCode;
    const view = fn ? catalog.findProfile(`${fn}.${focus.code}.${entry.canonical.code}`) : undefined;
    if (!view) return;
    const own = view.ladder.find((s) => s.current)?.content.responsibilities ?? [];
    const ownStems = own.map((s) => contentStems(s.text));
    const aliases = new Set(view.record.aliases.map((a) => a.text.toLowerCase()));
    const newAliases = level.titles.filter((t) => !aliases.has(t.toLowerCase()) && t.length <= 80);
    const claims = claimsOf.get(level.label) ?? [];
    const duties = claims
      .filter(({ c }) => c.kind === 'responsibility' && c.text.length >= 40 && c.text.length <= 300)
      .filter(({ c }) => !ownStems.some((s) => similarity(s, contentStems(c.text)) >= ALREADY_SAID))
      .sort((a, b) => Number(CONCRETE.test(b.c.text)) - Number(CONCRETE.test(a.c.text)))
      .slice(0, MAX_RESPONSIBILITIES);
    const known = new Set(
      [...view.focus.skills, ...(view.ladder.find((s) => s.current)?.content.skills ?? [])].map((s) =>
        s.name.toLowerCase(),
      ),
    );
    const skills = claims
      .filter(({ c }) => c.kind === 'skill')
      .map(({ c, index }) => ({ c, index, skill: asSkill(c.text, c.subtype, sourceId) }))
      .filter(({ skill }) => !known.has(skill.name.toLowerCase()))
      .filter(
        ({ skill }, i, all) =>
          all.findIndex((x) => x.skill.name.toLowerCase() === skill.name.toLowerCase()) === i,
      )
      .slice(0, MAX_SKILLS);
    const years = view.ladder.find((s) => s.current)?.content.experience
      ? null
      : claims.find(({ c }) => c.kind === 'experience' && c.years);
    if (newAliases.length === 0 && duties.length === 0 && skills.length === 0 && !years) return;
    const titleClaim = (t: string) => claims.find(({ c }) => c.kind === 'title' && c.text === t)?.index ?? -1;
    out.push({
      profileCode: view.code,
      proposal: {
        ...(years?.c.years
          ? {
              set: {
                experience: {
                  ...years.c.years,
                  text: years.c.text.slice(0, 300),
                  sources: [sourceId],
                },
              },
            }
          : {}),
        add: {
          ...(skills.length ? { skills: skills.map((s) => s.skill) } : {}),
          ...(duties.length
            ? { responsibilities: duties.map(({ c }) => ({ text: c.text, sources: [sourceId] })) }
            : {}),
          ...(newAliases.length
            ? { aliases: newAliases.map((t) => ({ text: t, sources: [sourceId] })) }
            : {}),
        },
      },
      statementClaims: {
        responsibilities: duties.map((d) => d.index),
        aliases: newAliases.map(titleClaim),
        skills: skills.map((s) => s.index),
        experience: years?.index ?? null,
      },
      note: `From "${doc.tree.title}", level ${level.label} (mapped to ${entry.canonical.code}, confidence ${entry.confidence.toFixed(1)})`,
    });
  });
  return out;
}

/** "Cloud architecture — deep experience with AWS…" → a named skill and how the role applies it. */
function asSkill(text: string, subtype: string | null, source: string): Skill {
  const [name = text, ...rest] = text.split(/\s+[—–-]\s+|:\s+/);
  const application = rest.join(' — ').trim();
  return {
    name: name.trim().slice(0, 80),
    application: application || text,
    kind: subtype === 'soft' ? 'soft' : 'hard',
    sources: [source],
  };
}
