import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../core/catalog.js';
import { OccupationIndex } from '../../../resolve/occupationIndex.js';
import { type Resolution, TitleResolver } from '../../../resolve/titleResolver.js';
import {
  fixtureFocus,
  LANDING_OCCUPATIONS,
  landingTaxonomy,
  SUPPORT_FOCUS,
} from '../../../testing/landingFixture.js';
import { ResolvePage } from './ResolvePage.js';

let resolver: TitleResolver;
beforeAll(async () => {
  resolver = new TitleResolver(
    new OccupationIndex(LANDING_OCCUPATIONS),
    new Catalog(await landingTaxonomy()),
  );
});

const render = (title: string) =>
  String(
    ResolvePage({
      title,
      employer: '',
      resolution: resolver.resolve({ title }),
      occupations: resolver.index.occupations.size,
    }),
  );
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('ResolvePage', () => {
  it('shows the level and the profile a support-track title lands on, with why', () => {
    const html = render('Lead Electrician');
    const code = `CONSTR.${fixtureFocus(SUPPORT_FOCUS).code}.S4`;
    expect(text(html)).toContain(
      `Level S4 — Lead Support Canon profile ${code} · Electricians, S4 — Lead Support`,
    );
    expect(html).toContain(`<a href="/profiles/${code}">`);
    expect(text(html)).toContain('“lead” reads as S4 Lead Support on the support track.');
  });

  it('says when the profile is the nearest level the focus offers', () => {
    expect(text(render('Electrician Manager'))).toMatch(
      /Level M2 — Manager Canon profile \S+ · Electricians, M1 — Supervisor \/ Team Lead \(the nearest level this focus offers\)/,
    );
  });

  it('shows the level of a title no occupation matches', () => {
    const t = text(render('Senior Offering Manager'));
    expect(t).toContain('“Senior Offering Manager” — unresolved');
    expect(t).toContain('Level M3 — Senior Manager Canon profile lands on no built-in profile');
    expect(t).toContain('No occupation matched these words.');
  });

  it('shows the level of an executive title, and which of its roles decided', () => {
    const t = text(render('COO & SVP'));
    expect(t).toContain('Level E3 — Chief Officer');
    expect(t).toContain(
      'The title joins “chief operating officer” (E3) and “senior vice president” (E1); the most senior, “chief operating officer”, decides.',
    );
  });

  it('says what is missing when it has no occupations to answer from, and still gives the level', async () => {
    const empty = new TitleResolver(
      new OccupationIndex({ occupations: [], titles: [], socTitles: [] }),
      new Catalog(await landingTaxonomy()),
    );
    const html = String(
      ResolvePage({
        title: 'Senior Offering Manager',
        employer: '',
        resolution: empty.resolve({ title: 'Senior Offering Manager' }),
        occupations: empty.index.occupations.size,
      }),
    );
    expect(text(html)).toContain('Canon has no occupations to match titles against');
    expect(text(html)).toContain('no O*NET release is imported');
    expect(text(html)).toContain('No occupation to match: see above.');
    expect(text(html)).toContain('Level M3 — Senior Manager');
    expect(text(render('Senior Offering Manager'))).not.toContain('no occupations to match titles against');
  });

  it('escapes the title it echoes', () => {
    const html = render('<script>alert(1)</script> Senior Electrician');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Senior Electrician');
  });
});

describe('ResolvePage review', () => {
  const page = (title: string, review: Pick<Resolution, 'needsReview' | 'reviewReason'>) =>
    String(
      ResolvePage({
        title,
        employer: '',
        resolution: { ...resolver.resolve({ title }), ...review },
        occupations: resolver.index.occupations.size,
      }),
    );

  it('says a title needs review, and why, above the candidates', () => {
    expect(text(render('Senior Offering Manager'))).toContain(
      'Needs review: no occupation matched its words. Check the candidates below before using the first.',
    );
    const html = page('Electrician', { needsReview: true, reviewReason: 'close runner-up' });
    expect(text(html)).toContain('within 0.1 of the first');
    expect(html.indexOf('data-field="review"')).toBeLessThan(html.indexOf('<table'));
  });

  it('says nothing of review when the first candidate is sure enough', () => {
    expect(page('Lead Electrician', { needsReview: false, reviewReason: null })).not.toContain(
      'data-field="review"',
    );
  });
});
