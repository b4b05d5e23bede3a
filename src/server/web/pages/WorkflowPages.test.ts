import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/testApp.js';

const M3 = 'TECHNO.TECHNOLO6B55.M3';
const DUTY =
  'Owns the quarterly cloud and AI inference budget for 3–5 engineering teams and reports spend against plan to the department head.';
const someone = { id: 'test:page', role: 'admin' } as const;

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
  const wf = ctx.canon.workflow;
  await wf.propose(someone, M3, {
    add: { responsibilities: [{ text: DUTY, sources: ['canon-profile-m3'] }] },
  });
  await wf.submit(someone, M3);
  await wf.approve(someone, M3, { note: 'adds the budget duty' });
  await wf.propose(someone, M3, { remove: { responsibilities: [DUTY] } }, { note: 'second thoughts' });
});
afterAll(() => ctx.store.close());

const page = async (path: string) => {
  const res = await ctx.app.request(path);
  return { status: res.status, html: await res.text() };
};

describe('workflow pages', () => {
  it('lists the versions with links to each and to the open draft', async () => {
    const { status, html } = await page(`/profiles/${M3}/history`);
    expect(status).toBe(200);
    expect(html).toContain(`href="/profiles/${M3}?version=1"`);
    expect(html).toContain('adds the budget duty');
    expect(html).toContain(`href="/profiles/${M3}/draft"`);
    expect(html).toMatch(/<option value="draft"/);
  });

  it('shows a diff with the change marked for eyes and screen readers', async () => {
    const { html } = await page(`/profiles/${M3}/diff?from=1&to=2`);
    expect(html).toContain(`<ins>${DUTY} [canon-profile-m3]</ins>`);
    expect(html).toContain('+ added');
    expect((await page(`/profiles/${M3}/diff?from=1`)).status).toBe(400);
    expect((await page(`/profiles/${M3}/diff?from=1&to=7`)).status).toBe(404);
  });

  it('marks an older pinned version and links to the latest', async () => {
    const old = await page(`/profiles/${M3}?version=1`);
    expect(old.html).toContain('You are reading v1');
    expect(old.html).not.toContain(DUTY);
    const latest = await page(`/profiles/${M3}`);
    expect(latest.html).not.toContain('You are reading');
    expect(latest.html).toContain(DUTY);
    expect(latest.html).toContain('Version history');
  });

  it('shows the open draft with its review and its changes, and lists it in the queue', async () => {
    const draft = await page(`/profiles/${M3}/draft`);
    expect(draft.html).toContain('second thoughts');
    expect(draft.html).toContain(`<del>${DUTY} [canon-profile-m3]</del>`);
    expect(draft.html).toMatch(/Passes the panel|Does not pass the panel/);
    const queue = await page('/review-queue');
    expect(queue.html).toContain(`href="/profiles/${M3}/draft"`);
    expect(queue.html).toContain('TECHNO.ARCHITEC4B2E.P4/draft');
  });
});
