import { OpenAPIHono } from '@hono/zod-openapi';
import { CanonError } from '../../core/errors.js';
import type { Workspaces } from '../../workflow/workspaces.js';
import { API_KEY_SCHEME } from '../access.js';
import type { ApiDeps } from './apiDeps.js';
import { API_KEY_DESCRIPTION, openApiDocument } from './openApiDocument.js';
import { registerCompanyRoutes } from './routes/companyRoutes.js';
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
import { registerWorkspaceRoutes } from './routes/workspaceRoutes.js';
import { ErrorSchema } from './schemas.js';

/** The JSON API, mounted under /api. Validation failures become 400s with the standard error body. */
/** Without `write`, the API is read-only: no workflow routes are mounted. */
export function createApi(deps: ApiDeps, write?: WorkflowDeps & { workspaces?: Workspaces }): OpenAPIHono {
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
  api.openAPIRegistry.registerComponent('securitySchemes', API_KEY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: API_KEY_DESCRIPTION,
  });
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
  if (write?.workspaces) registerWorkspaceRoutes(api, write.workspaces, write.access);
  if (write?.company) registerCompanyRoutes(api, write.company, write.access, deps);
  api.get('/openapi.json', (c) => c.json(openApiDocument(api)));
  return api;
}
