import type { Element, Nodes, Root } from 'hast';
import { collapse } from '../documentTree.js';
import { isLinkLine, isLinkList } from './pageChrome.js';

/** What of an HTML page is its site's rather than its own. */
export interface HtmlChrome {
  /** The page's one `<main>` (or `role="main"`), else its one `<article>`; null when it has neither. */
  content: Element | null;
  /** Elements that are navigation, banners, footers, sidebars, tabs or menus, with all they hold. */
  chrome: ReadonlySet<Element>;
}

/** Elements that are chrome by what they are. `<header>` only as the page's banner, not an article's. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'button', 'select', 'form', 'dialog']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'tablist',
  'menu',
  'menubar',
  'toolbar',
  'doc-toc',
]);
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
/** Class, id or label names that say what an element is: chrome, whatever it holds. */
const CHROME_NAMES =
  /(?:^|[-_\s])(?:breadcrumbs?|toc|pagination|pager|skip-link)(?:$|[-_\s])|table-of-contents/i;
/**
 * Names sites give menus, but also the wrappers around them ("page-with-sidebar"): an element so
 * named is chrome when it is mostly links.
 */
const MENU_NAMES = /(?:^|[-_\s])(?:nav|navbar|navigation|menu|sidebar|sidenav|footer|masthead)(?:$|[-_\s])/i;

/**
 * Finds an HTML page's own content and its chrome: `<nav>`, `<aside>`, `<footer>`, a banner
 * `<header>`, landmark roles (navigation, banner, contentinfo, complementary, tablist, …), elements
 * whose class, id or label names breadcrumbs, a table of contents or a pager, or names a menu or
 * sidebar and that are mostly links, lists whose items are mostly links, and paragraphs of links
 * with little else.
 */
export function htmlChrome(tree: Root): HtmlChrome {
  const chrome = new Set<Element>();
  const mains: Element[] = [];
  const articles: Element[] = [];
  const visit = (node: Nodes, sectioned: boolean) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const role = String(node.properties.role ?? '').toLowerCase();
      if (node.tagName === 'main' || role === 'main') mains.push(node);
      if (node.tagName === 'article') articles.push(node);
      if (isChrome(node, role, sectioned)) {
        chrome.add(node);
        return;
      }
    }
    const inside = sectioned || (node.type === 'element' && SECTIONING.has(node.tagName));
    for (const child of node.children) visit(child as Nodes, inside);
  };
  visit(tree, false);
  const content = [mains, articles].find((found) => found.length === 1)?.[0] ?? null;
  // A main or article with nothing readable in it (filled in by a script) leaves the whole page to read.
  return { content: content && textOf(content).trim() ? content : null, chrome };
}

function isChrome(el: Element, role: string, sectioned: boolean): boolean {
  if (CHROME_TAGS.has(el.tagName) || CHROME_ROLES.has(role)) return true;
  if (el.tagName === 'header' && !sectioned) return true;
  if (String(el.properties.ariaHidden) === 'true') return true;
  const names = [el.properties.className, el.properties.id, el.properties.ariaLabel]
    .flat()
    .filter(Boolean)
    .join(' ');
  if (CHROME_NAMES.test(names)) return true;
  if (el.tagName === 'ul' || el.tagName === 'ol') return isLinkList(listItems(el));
  if (el.tagName === 'p') return isLinkLine(collapse(textOf(el)), linkTexts(el));
  return MENU_NAMES.test(names) && mostlyLinks(el);
}

function listItems(list: Element): { text: string; linkText: string }[] {
  return list.children.flatMap((li) => {
    if (li.type !== 'element' || li.tagName !== 'li') return [];
    // An item's own text: a sub-menu's items are its own items, not its text.
    const own = li.children.filter(
      (c) => !(c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')),
    );
    const text = own.map((c) => textOf(c as Nodes)).join('');
    const links = own.flatMap((c) => linkTexts(c as Nodes));
    return [{ text: collapse(text), linkText: collapse(links.join(' ')) }];
  });
}

function mostlyLinks(el: Element): boolean {
  const all = collapse(textOf(el)).length;
  const links = linkTexts(el).join('').length;
  return all > 0 && links * 2 >= all;
}

function linkTexts(node: Nodes): string[] {
  if (node.type === 'element' && node.tagName === 'a') return [collapse(textOf(node))].filter(Boolean);
  if (node.type === 'element' || node.type === 'root')
    return node.children.flatMap((c) => linkTexts(c as Nodes));
  return [];
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) return '';
  if (node.type === 'element' || node.type === 'root')
    return node.children.map((c) => textOf(c as Nodes)).join('');
  return '';
}
