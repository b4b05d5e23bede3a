import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { FAVICON, STYLESHEET } from '../Layout.js';

// Read once at start: the stylesheet ships beside the compiled pages (see the build script).
const CSS = readFileSync(new URL('../../../../src/server/web/assets/canon.css', import.meta.url), 'utf8');
const ICON = readFileSync(new URL('../../../../src/server/web/assets/favicon.svg', import.meta.url), 'utf8');

/** The stylesheet and the icon every page links to. */
export function registerAssetRoutes(web: Hono): void {
  web.get(STYLESHEET, (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.body(CSS, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  web.get(FAVICON, (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.body(ICON, 200, { 'content-type': 'image/svg+xml' });
  });
}
