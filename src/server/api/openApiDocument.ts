import type { OpenAPIHono } from '@hono/zod-openapi';
import { ROLE_RIGHTS, ROLES } from '../../core/roles.js';
import { fillExamples } from './fillExamples.js';
import type { ApiDocument } from './openApiTypes.js';

/** Every tag an operation may carry, in the order the reference shows them. */
export const API_TAGS = [
  {
    name: 'Taxonomy',
    description: 'Functions and their focuses: the first two steps of function → focus → level.',
  },
  { name: 'Levels', description: 'The universal level framework: four tracks on one ordinal scale.' },
  { name: 'Profiles', description: 'Profiles — a focus at a level — listed, searched, read and compared.' },
  {
    name: 'Growth',
    description:
      'What a profile means for a person: career paths, progression guides, readiness and job descriptions.',
  },
  { name: 'Pay', description: 'Market pay for a profile: observed, occupation-wide and the level estimate.' },
  { name: 'Review', description: "The review panel's scores and findings on a profile." },
  {
    name: 'Resolve',
    description: 'Job titles read into occupation, focus, profile and level, with the reasons.',
  },
  { name: 'Provenance', description: 'The sources the taxonomy cites, and documents read into evidence.' },
  {
    name: 'Workflow',
    description: 'Drafts, review and approval, the immutable versions they make, and the audit log.',
  },
  {
    name: 'Jobs',
    description:
      'Bulk coding of a CSV of job titles as a queued job: submit, follow its progress, fetch the result.',
  },
  {
    name: 'Workspaces',
    description: "Where each company's data lives, apart from every other's, and the API keys scoped to one.",
  },
] as const;

const ROLE_LIST = ROLES.map((role) => `${role} (${ROLE_RIGHTS[role]})`).join('; ');

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Canon API',
    version: '0.1.0',
    description:
      'The canonical taxonomy of roles: functions, focuses, levels and profiles, with their sources. Every failure answers with the `Error` body; reads carry `ETag` and `Cache-Control`.',
    contact: { name: 'The operator of this Canon server' },
  },
  servers: [{ url: '/api', description: 'This server' }],
  tags: [...API_TAGS],
};

/** The scheme's text, which the reference page shows beside every operation that names it. */
export const API_KEY_DESCRIPTION = `An API key from \`canon keys create --role <role> --name <who>\`, sent as "Authorization: Bearer <key>". Reads need none unless the server keeps reads private, when any key will do; a write needs a key of at least the role it names (\`x-canon-access\`). A key made with \`--workspace <id>\` holds its role in that workspace only (\`workspace:<role>\`: any other key gets 404 there), and on the shared taxonomy may only read. Roles, weakest first: ${ROLE_LIST}.`;

const built = new WeakMap<OpenAPIHono, ApiDocument>();

/**
 * The OpenAPI document of an API, as /api/openapi.json serves it and /api/docs renders it: built once,
 * after every route is registered, with an example on every JSON body and response.
 */
export function openApiDocument(api: OpenAPIHono): ApiDocument {
  let doc = built.get(api);
  if (!doc) {
    doc = fillExamples(api.getOpenAPI31Document(OPENAPI_CONFIG) as ApiDocument);
    built.set(api, doc);
  }
  return doc;
}
