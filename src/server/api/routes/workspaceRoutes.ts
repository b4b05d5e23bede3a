import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES } from '../../../core/roles.js';
import { MAX_WORKSPACE_ID, MAX_WORKSPACE_NAME, type Workspaces } from '../../../workflow/workspaces.js';
import { type Access, declareAccess, declareWorkspaceAccess } from '../../access.js';
import { jsonError, jsonResponse, rateLimited, roleErrors } from '../apiDeps.js';
import { listOf } from '../schemas.js';
import { keyDto, workspaceDto } from '../toDto.js';

const WorkspaceId = z
  .string()
  .min(1)
  .max(MAX_WORKSPACE_ID)
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .openapi({
    description: `Lower-case letters, digits and hyphens, up to ${MAX_WORKSPACE_ID}; it names the workspace in every path`,
    example: 'northwind',
  });

const WorkspaceParam = z.object({
  workspace: WorkspaceId.openapi({
    param: { name: 'workspace', in: 'path', description: "The workspace's id" },
    example: 'northwind',
  }),
});

const WorkspaceSchema = z
  .object({
    id: WorkspaceId,
    name: z
      .string()
      .openapi({ description: "The company's name, as pages show it", example: 'Northwind Traders' }),
    created: z
      .string()
      .openapi({ description: 'When it was created (ISO 8601)', example: '2026-12-01T05:20:00.000Z' }),
  })
  .openapi('Workspace', { description: "Where one company's data lives, apart from every other's" });

const RoleSchema = z
  .enum(ROLES)
  .openapi({ description: 'What the key may do, in its workspace', example: 'editor' });

const KeySchema = z
  .object({
    id: z
      .string()
      .openapi({ description: "The key's public id, as the audit log names it", example: '3f9a2c1d' }),
    name: z.string().openapi({ description: 'Whose key it is', example: 'alice' }),
    role: RoleSchema,
    workspace: z.string().nullable().openapi({
      description: 'The workspace it is scoped to; null for a key of the shared taxonomy',
      example: 'northwind',
    }),
    createdAt: z
      .string()
      .openapi({ description: 'When it was made (ISO 8601)', example: '2026-12-01T05:20:00.000Z' }),
    revokedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it was revoked; null while it works', example: null }),
  })
  .openapi('ApiKey', { description: 'An API key as listings show it: never the key itself' });

const CreatedKeySchema = z
  .object({
    id: z.string().openapi({ description: "The key's public id", example: '3f9a2c1d' }),
    name: z.string().openapi({ description: 'Whose key it is', example: 'alice' }),
    role: RoleSchema,
    workspace: z
      .string()
      .nullable()
      .openapi({ description: 'The workspace it is scoped to', example: 'northwind' }),
    key: z.string().openapi({
      description: 'The key, shown this once: Canon keeps only a hash',
      example: 'canon_3f9a2c1d_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    }),
  })
  .openapi('CreatedApiKey', { description: 'A new key, with the key itself shown once' });

/** Every operation over one workspace answers these for its key: 404 to a key of another workspace as to none. */
const workspaceErrors = {
  ...roleErrors,
  404: jsonError('No such workspace — which is also the answer to a key from outside it'),
};

const list = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/workspaces',
  operationId: 'listWorkspaces',
  tags: ['Workspaces'],
  summary: 'The workspaces the key may see (a key is always needed)',
  description:
    "Every workspace, to an instance admin; to a workspace's key, its own workspace only. Other keys of the shared taxonomy are refused (403), and a request without a key gets 401 whatever the read policy.",
  responses: {
    200: jsonResponse(listOf(WorkspaceSchema, 'WorkspaceList', 'Workspaces, by id'), 'Workspaces'),
    ...roleErrors,
  },
});

const create = createRoute({
  method: 'post',
  ...declareAccess('admin'),
  path: '/workspaces',
  operationId: 'createWorkspace',
  tags: ['Workspaces'],
  summary: 'Create a workspace for a company (instance admin)',
  description:
    "Creates an empty workspace. Only an admin key of the shared taxonomy may (a workspace's keys act inside their workspace only); make its first keys with `canon keys create --workspace <id>`.",
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .strictObject({
              id: WorkspaceId,
              name: z
                .string()
                .trim()
                .min(1)
                .max(MAX_WORKSPACE_NAME)
                .openapi({
                  description: `The company's name, up to ${MAX_WORKSPACE_NAME} characters`,
                  example: 'Northwind Traders',
                }),
            })
            .openapi('NewWorkspace', { description: "A workspace's id and name" }),
          example: { id: 'northwind', name: 'Northwind Traders' },
        },
      },
    },
  },
  responses: {
    201: jsonResponse(WorkspaceSchema, 'The workspace'),
    400: jsonError('An id that is not lower-case letters, digits and hyphens, or no name'),
    ...roleErrors,
    409: jsonError('A workspace with that id exists already'),
    ...rateLimited,
  },
});

const read = createRoute({
  method: 'get',
  ...declareWorkspaceAccess('viewer'),
  path: '/workspaces/{workspace}',
  operationId: 'getWorkspace',
  tags: ['Workspaces'],
  summary: "One workspace's id, name and creation (viewer in it)",
  description:
    "The workspace's summary, to a key of that workspace. A key of another workspace, or of the shared taxonomy, gets the 404 an unknown id gets.",
  request: { params: WorkspaceParam },
  responses: {
    200: jsonResponse(WorkspaceSchema, 'The workspace'),
    ...workspaceErrors,
  },
});

const keys = createRoute({
  method: 'get',
  ...declareWorkspaceAccess('admin'),
  path: '/workspaces/{workspace}/keys',
  operationId: 'listWorkspaceKeys',
  tags: ['Workspaces'],
  summary: "The workspace's API keys, revoked ones too (admin in it)",
  description:
    'Every key scoped to this workspace, oldest first, never the keys themselves: for its admin to see who holds one.',
  request: { params: WorkspaceParam },
  responses: {
    200: jsonResponse(listOf(KeySchema, 'ApiKeyList', 'API keys, oldest first'), 'Keys'),
    ...workspaceErrors,
  },
});

const createKey = createRoute({
  method: 'post',
  ...declareWorkspaceAccess('admin'),
  path: '/workspaces/{workspace}/keys',
  operationId: 'createWorkspaceKey',
  tags: ['Workspaces'],
  summary: 'Make a key scoped to the workspace (admin in it)',
  description:
    'Makes a key whose role holds in this workspace only (on the shared taxonomy it may read). The key is in the answer once; Canon keeps only its hash.',
  request: {
    params: WorkspaceParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .strictObject({
              name: z.string().trim().min(1).max(200).openapi({
                description: 'Whose key it is, as the audit log will show it',
                example: 'alice',
              }),
              role: RoleSchema,
            })
            .openapi('NewApiKey', { description: "A key's holder and role" }),
          example: { name: 'alice', role: 'editor' },
        },
      },
    },
  },
  responses: {
    201: jsonResponse(CreatedKeySchema, 'The key, shown once'),
    400: jsonError('No name, or a role Canon does not know'),
    ...workspaceErrors,
    ...rateLimited,
  },
});

const revokeKey = createRoute({
  method: 'delete',
  ...declareWorkspaceAccess('admin'),
  path: '/workspaces/{workspace}/keys/{id}',
  operationId: 'revokeWorkspaceKey',
  tags: ['Workspaces'],
  summary: "Revoke one of the workspace's keys (admin in it)",
  description:
    'Revokes a key scoped to this workspace, with an audit entry; it stays in the listing, marked revoked. Running servers stop accepting it within a minute (they remember a verified key that long). A key of another workspace or of the shared taxonomy is not found here (404), as an unknown or already revoked id is not.',
  request: {
    params: WorkspaceParam.extend({
      id: z
        .string()
        .regex(/^[0-9a-f]{8}$/)
        .openapi({
          param: { name: 'id', in: 'path', description: "The key's public id, as the keys listing shows it" },
          example: '3f9a2c1d',
        }),
    }),
  },
  responses: {
    204: { description: 'Revoked' },
    400: jsonError('An id that is not 8 hexadecimal digits'),
    ...roleErrors,
    404: jsonError(
      'No such workspace (also the answer to a key from outside it), or no active key with that id in it',
    ),
    ...rateLimited,
  },
});

const NO_STORE = { 'cache-control': 'no-store' };

/** Workspaces and their keys: what each key may see of them changes with the key, so nothing is cached. */
export function registerWorkspaceRoutes(app: OpenAPIHono, workspaces: Workspaces, access: Access): void {
  app.openapi(list, async (c) => {
    const items = (await workspaces.list(await access.actor(c))).map(workspaceDto);
    return c.json({ items }, 200, NO_STORE);
  });
  app.openapi(create, async (c) => {
    const created = await workspaces.create(await access.actor(c), c.req.valid('json'));
    return c.json(workspaceDto(created), 201);
  });
  app.openapi(read, async (c) => {
    const found = await workspaces.read(await access.actor(c), c.req.valid('param').workspace);
    return c.json(workspaceDto(found), 200, NO_STORE);
  });
  app.openapi(keys, async (c) => {
    const items = (await workspaces.keys(await access.actor(c), c.req.valid('param').workspace)).map(keyDto);
    return c.json({ items }, 200, NO_STORE);
  });
  app.openapi(revokeKey, async (c) => {
    const { workspace, id } = c.req.valid('param');
    await workspaces.revokeKey(await access.actor(c), workspace, id);
    return c.body(null, 204);
  });
  app.openapi(createKey, async (c) => {
    const { name, role } = c.req.valid('json');
    const key = await workspaces.createKey(await access.actor(c), c.req.valid('param').workspace, name, role);
    return c.json(key, 201);
  });
}
