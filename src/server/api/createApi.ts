import { OpenAPIHono } from '@hono/zod-openapi';
import { CanonError } from '../../core/errors.js';
import type { ApiDeps } from './apiDeps.js';
import { registerCompareRoutes } from './routes/compareRoutes.js';
import { registerDocumentRoutes } from './routes/documentRoutes.js';
import { registerFunctionRoutes } from './routes/functionRoutes.js';
import { registerGrowthRoutes } from './routes/growthRoutes.js';
import { registerJobRoutes } from './routes/jobRoutes.js';
import { registerLevelRoutes } from './routes/levelRoutes.js';
import { registerPayRoutes } from './routes/payRoutes.js';
import { registerProfileRoutes } from './routes/profileRoutes.js';
import { registerResolveRoutes } from './routes/resolveRoutes.js';
import { registerReviewRoutes } from './routes/reviewRoutes.js';
import { registerSourceRoutes } from './routes/sourceRoutes.js';
import { registerWorkflowRoutes, type WorkflowDeps } from './routes/workflowRoutes.js';
import { ErrorSchema } from './schemas.js';

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Canon API',
    version: '0.1.0',
    description:
      'The canonical taxonomy of roles: functions, focuses, levels and profiles, with their sources.',
  },
};

/** The JSON API, mounted under /api. Validation failures become 400s with the standard error body. */
/** Without `write`, the API is read-only: no workflow routes are mounted. */
export function createApi(deps: ApiDeps, write?: WorkflowDeps): OpenAPIHono {
  const api = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        throw new CanonError('invalid_input', `Invalid request — ${where}${issue?.message ?? 'bad input'}.`);
      }
    },
  });
  api.openAPIRegistry.register('Error', ErrorSchema);
  registerFunctionRoutes(api, deps);
  registerLevelRoutes(api, deps);
  registerProfileRoutes(api, deps);
  registerSourceRoutes(api, deps);
  registerCompareRoutes(api, deps);
  registerGrowthRoutes(api, deps);
  registerPayRoutes(api, deps);
  registerReviewRoutes(api, deps);
  registerResolveRoutes(api, deps.resolver);
  if (write) registerWorkflowRoutes(api, deps, write);
  if (write?.documents) registerDocumentRoutes(api, write.documents, write.access);
  if (write?.jobs) registerJobRoutes(api, write.jobs, write.access);
  api.doc31('/openapi.json', { ...OPENAPI_INFO, servers: [{ url: '/api' }] });
  return api;
}
