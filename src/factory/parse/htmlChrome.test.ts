import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { htmlChrome } from './htmlChrome.js';

const parse = (html: string) => unified().use(rehypeParse).parse(html) as Root;

/** The text of each chrome element, so a test reads as the page does. */
function chromeOf(html: string) {
  const { content, chrome } = htmlChrome(parse(html));
  const text = (el: Element): string =>
    el.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');
  return {
    content: content ? `${content.tagName}: ${text(content).replace(/\s+/g, ' ').trim()}` : null,
    chrome: [...chrome].map((el) => `${el.tagName}: ${text(el).replace(/\s+/g, ' ').trim()}`),
  };
}

describe('htmlChrome', () => {
  it('finds the landmarks: nav, aside, footer, the banner header and the roles that say so', () => {
    const { chrome } = chromeOf(`<body>
      <header><a href="/">Lumen Labs</a></header>
      <nav><a href="/careers/">Careers</a></nav>
      <aside><p>Engineer I (L1)</p></aside>
      <div role="navigation"><p>Teams</p></div>
      <div role="tablist"><span>Technical skills</span><span>Delivery</span></div>
      <h1>Senior Engineer</h1>
      <footer><p>© 2024 Lumen Labs</p></footer>
    </body>`);
    expect(chrome).toEqual([
      'header: Lumen Labs',
      'nav: Careers',
      'aside: Engineer I (L1)',
      'div: Teams',
      'div: Technical skillsDelivery',
      'footer: © 2024 Lumen Labs',
    ]);
  });

  it('keeps an article’s own header, with its title', () => {
    const { chrome } = chromeOf(
      '<article><header><h1>Senior Engineer</h1></header><p>Owns projects.</p></article>',
    );
    expect(chrome).toEqual([]);
  });

  it('takes lists of links and lines of links for menus, breadcrumbs and footers, not lists that say something', () => {
    const { chrome } = chromeOf(`<body>
      <ol class="crumbs"><li><a href="/">Home</a></li><li><a href="/eng/">Engineering</a></li><li>Senior Engineer</li></ol>
      <ul><li><a href="#scope">Scope</a></li><li><a href="#skills">Skills</a></li></ul>
      <p><a href="/privacy/">Privacy</a> | <a href="/terms/">Terms</a></p>
      <ul><li>Follows the <a href="/guide/">style guide</a> on every change</li><li>Runs the on-call rota</li></ul>
      <p>Reads the <a href="/guide/">style guide</a> and the <a href="/checklist/">review checklist</a> before every review.</p>
    </body>`);
    expect(chrome).toEqual(['ol: HomeEngineeringSenior Engineer', 'ul: ScopeSkills', 'p: Privacy | Terms']);
  });

  it('takes an element named as a sidebar or menu only when it is mostly links', () => {
    const { chrome } = chromeOf(`<body>
      <div class="col-3 sidebar"><h5><a href="/l1/">Engineer I (L1)</a></h5><h5><a href="/l2/">Engineer II (L2)</a></h5></div>
      <div class="page-with-sidebar"><h1>Senior Engineer</h1><p>Owns projects from design to release.</p></div>
    </body>`);
    expect(chrome).toEqual(['div: Engineer I (L1)Engineer II (L2)']);
  });

  it('takes the page’s one main, else its one article, as its content', () => {
    expect(chromeOf('<body><p>Menu</p><main><h1>Staff Engineer</h1></main></body>').content).toBe(
      'main: Staff Engineer',
    );
    expect(chromeOf('<body><div role="main"><h1>Staff Engineer</h1></div></body>').content).toBe(
      'div: Staff Engineer',
    );
    expect(chromeOf('<body><article><h1>Staff Engineer</h1></article></body>').content).toBe(
      'article: Staff Engineer',
    );
    // Two articles are two things on one page (a level each): neither is the page.
    expect(
      chromeOf('<body><article><h2>L1</h2></article><article><h2>L2</h2></article></body>').content,
    ).toBe(null);
    // A main a script fills in holds nothing yet: the whole page is read.
    expect(chromeOf('<body><main></main><h1>Staff Engineer</h1></body>').content).toBe(null);
  });
});
