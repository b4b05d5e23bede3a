import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { COMPANY_EXPORT_FILES, companyExport } from '../../../company/companyExports.js';
import { parseColumnMap } from '../../../company/guessColumns.js';
import { MAX_CATALOG_BYTES } from '../../../company/readCatalogFile.js';
import { CanonError } from '../../../core/errors.js';
import type { CompanyImportOptions, CompanyWorkspace } from '../../../workflow/companyWorkspace.js';
import type { Access } from '../../access.js';
import { declareWorkspaceAccess } from '../../access.js';
import { attachment } from '../../attachment.js';
import type { ApiDeps } from '../apiDeps.js';
import { jsonError, jsonResponse, rateLimited } from '../apiDeps.js';
import { importDto } from '../companyDto.js';
import { JobMatchSchema } from '../schemas.js';

const Workspace = z.object({
  workspace: z
    .string()
    .min(1)
    .max(40)
    .openapi({
      param: { name: 'workspace', in: 'path', description: "The workspace's id" },
      example: 'acme',
    }),
});

/** A part of the answer whose fields `canon company` and the pages document: kept loose here. */
const loose = (description: string) => z.record(z.string(), z.unknown()).openapi({ description });

const Decided = z
  .object({
    person: z.number().int().openapi({ description: 'Jobs a person decided in the review queue' }),
    dictionary: z
      .number()
      .int()
      .openapi({ description: "Jobs the workspace's dictionary decided on import" }),
    automatic: z.number().int().openapi({ description: 'Jobs the matcher decided on its own' }),
  })
  .openapi('DecidedCounts', {
    description: 'How many jobs were decided by a person, by the dictionary and automatically',
  });

const CompanyJob = z
  .object({
    line: z
      .number()
      .int()
      .openapi({ description: 'The line (CSV) or row (XLSX) of the file it was read from' }),
    jobCode: z.string().openapi({ description: 'Its job code, or "" without one' }),
    title: z.string().openapi({ description: 'The job title as the file writes it' }),
    department: z.string().openapi({ description: 'Its department or function as the file writes it' }),
    grade: z.string().openapi({ description: 'Its internal grade or level as the file writes it' }),
    location: z.string().openapi({ description: 'Its location, or ""' }),
    employeeId: z.string().openapi({ description: 'The employee id of an HRIS row, or ""' }),
    headcount: z.number().int().openapi({ description: 'People in the job (1 for a row per person)' }),
    basePay: z.number().nullable().openapi({ description: 'Annual base pay as the file states it, or null' }),
    currency: z.string().openapi({ description: 'The currency as the file writes it, or ""' }),
    match: JobMatchSchema,
    decidedBy: z
      .enum(['person', 'dictionary', 'automatic'])
      .openapi({ description: 'Who settled the match' }),
  })
  .openapi('CompanyJob', { description: "One job of a company's catalog with its match onto Canon" });

const StoredImport = z
  .object({
    id: z.number().int().openapi({ description: "The import's id" }),
    workspace: z.string().openapi({ description: 'The workspace it was stored in' }),
    file: z.string().openapi({ description: "The file's name" }),
    fileHash: z.string().openapi({ description: 'SHA-256 of the file and the options that read it' }),
    createdBy: z.string().openapi({ description: 'Who stored it, as the audit log names them' }),
    createdAt: z.string().openapi({ description: 'When (ISO 8601)' }),
    summary: loose('Lines after the header, read, problems, duplicates, matched, needing review, unmatched'),
    decided: Decided,
  })
  .openapi('CompanyImport', { description: 'An import stored in a workspace' });

const ImportAnswer = z
  .object({
    dryRun: z.boolean().openapi({ description: 'True when nothing was stored' }),
    table: loose('How the file was read: name, format, notes (encoding, sheet), header and its line'),
    columns: z
      .array(loose('A role, the column chosen for it and why'))
      .openapi({ description: 'The columns by role' }),
    summary: loose('Lines after the header, read, problems, duplicates, matched, needing review, unmatched'),
    problems: z
      .array(loose('A line and why it was not read or matched'))
      .openapi({ description: 'Every line not read or not matched, by its line' }),
    warnings: z.array(loose('A line read with a caveat')).openapi({ description: 'Rows read with a caveat' }),
    cellNotes: z
      .array(loose('A line and why its pay or headcount cell was left out'))
      .openapi({ description: 'Pay and headcount cells not used, by line' }),
    gradeTable: loose(
      'The level correlation table: ladders, grades with their Canon levels and why, inconsistencies',
    ),
    decided: Decided,
    diff: loose(
      "What storing changes against the workspace's jobs: unchanged, added, removed, changed (with fields)",
    ),
    jobs: z.array(CompanyJob).openapi({ description: 'Every job read, in file order, with its match' }),
    import: StoredImport.nullable().openapi({
      description: 'The import stored (or already there); null for a dry run',
    }),
  })
  .openapi('CompanyImportResult', {
    description: 'A dry run or a stored import, with every job and problem',
  });

const Mapping = z
  .object({
    import: StoredImport.nullable().openapi({
      description: 'The import the jobs came from; null before the first',
    }),
    jobs: z.array(CompanyJob).openapi({ description: "The workspace's current jobs, in file order" }),
    correlation: loose('The level correlation table of the current jobs, with the grades set by hand'),
    decided: Decided,
  })
  .openapi('CompanyMapping', { description: "A workspace's current mapping onto Canon" });

const DictionaryEntry = z
  .object({
    title: z.string().openapi({ description: 'The title as decided' }),
    department: z.string().openapi({ description: 'The department as decided ("" for none)' }),
    profileCode: z.string().openapi({ description: 'The profile decided on' }),
    decidedBy: z.string().openapi({ description: 'Who decided' }),
    decidedAt: z.string().openapi({ description: 'When (ISO 8601)' }),
    note: z.string().nullable().openapi({ description: 'Why, if given' }),
  })
  .openapi('DictionaryEntry', { description: "A person's decision, applied on every later import" });

const GradeSetting = z
  .object({
    grade: z.string().openapi({ description: 'The grade, as the grade table spells it' }),
    levels: z.string().openapi({ description: 'Its Canon level or range, e.g. P3 or P3..P4' }),
    reason: z.string().openapi({ description: 'Why' }),
    setBy: z.string().openapi({ description: 'Who set it' }),
    setAt: z.string().openapi({ description: 'When (ISO 8601)' }),
  })
  .openapi('GradeSetting', { description: "A grade's Canon levels set by hand" });

const Grades = z
  .object({
    settings: z.array(GradeSetting).openapi({ description: 'The grades set by hand' }),
    gradeTable: loose('The level correlation table of the current jobs, the settings applied'),
  })
  .openapi('CompanyGrades', { description: "A workspace's grades set by hand and its grade table" });

const jobList = (name: string, description: string) => z.array(CompanyJob).openapi(name, { description });

const readErrors = {
  401: jsonError('No API key, or an unknown or revoked one'),
  403: jsonError("The key's role in the workspace is weaker than viewer"),
  404: jsonError("No such workspace, or the key is another workspace's"),
};
const writeErrors = {
  ...readErrors,
  403: jsonError("The key's role in the workspace is weaker than editor"),
  409: jsonError('An import or another change to the mapping is under way in the workspace'),
  ...rateLimited,
};

const postImport = createRoute({
  method: 'post',
  ...declareWorkspaceAccess('viewer'),
  path: '/workspaces/{workspace}/imports',
  operationId: 'importCompanyCatalog',
  tags: ['Companies'],
  summary: 'Import a job catalog or HRIS export into a workspace, or see its dry run (editor to store)',
  description: `The file (CSV in UTF-8, UTF-16 or Windows-1252, or XLSX; up to ${MAX_CATALOG_BYTES / 1024 / 1024} MB) as the "file" field of a multipart form, or as the body itself with \`?file=NAME\`. Every row is matched to a profile with the workspace's dictionary and grades set by hand applied; every line that is not read is reported with its line. With \`?dryRun=true\` nothing is stored (a viewer may ask); otherwise (an editor) the jobs replace the workspace's current ones in one transaction, and the same file read the same way again stores nothing.`,
  request: {
    params: Workspace,
    query: z.object({
      dryRun: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true: only the dry run; nothing is stored', example: 'true' }),
      file: z.string().trim().min(1).max(200).optional().openapi({
        description: "The file's name when it is sent as the body (its extension says CSV or XLSX)",
        example: 'northwind.csv',
      }),
      sheet: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: 'The sheet of a workbook to read', example: 'Jobs' }),
      map: z.string().max(2_000).optional().openapi({
        description:
          'Columns by role, e.g. title=Business Title,grade=Band,location= (an empty column means none)',
        example: 'title=Business Title,department=Dept',
      }),
      gradeOrder: z.string().max(2_000).optional().openapi({
        description: 'Grades lowest first, comma-separated, when their spelling does not order them',
        example: 'Associate,Senior,Lead,Principal',
      }),
    }),
    body: {
      required: false,
      content: {
        'application/octet-stream': {
          schema: z.string(),
          example: 'Job Title,Department,Grade\nSenior Accountant,Finance,G7\n',
        },
        'text/csv': {
          schema: z.string(),
          example: 'Job Title,Department,Grade\nSenior Accountant,Finance,G7\n',
        },
        'multipart/form-data': { schema: z.object({ file: z.any().optional() }) },
      },
    },
  },
  responses: {
    200: jsonResponse(ImportAnswer, 'The dry run, or the import stored'),
    400: jsonError('No file, a file Canon cannot read, bad options (each refusal quotes it)'),
    ...writeErrors,
    413: jsonError(`Over ${MAX_CATALOG_BYTES / 1024 / 1024} MB`),
  },
});

const listImports = createRoute({
  method: 'get',
  ...declareWorkspaceAccess('viewer'),
  path: '/workspaces/{workspace}/imports',
  operationId: 'listCompanyImports',
  tags: ['Companies'],
  summary: "A workspace's imports, newest first",
  description:
    'Every import stored in the workspace: the file, who stored it and when, what it held, and who decided its matches.',
  request: { params: Workspace },
  responses: {
    200: jsonResponse(
      z.array(StoredImport).openapi('CompanyImportList', { description: 'Imports, newest first' }),
      'Imports',
    ),
    ...readErrors,
  },
});

const getMapping = createRoute({
  method: 'get',
  ...declareWorkspaceAccess('viewer'),
  path: '/workspaces/{workspace}/mapping',
  operationId: 'getCompanyMapping',
  tags: ['Companies'],
  summary: "A workspace's current mapping",
  description:
    'Every current job with its match, the level correlation table (grades set by hand applied) and how many jobs a person, the dictionary and the matcher decided.',
  request: { params: Workspace },
  responses: { 200: jsonResponse(Mapping, 'The mapping'), ...readErrors },
});

const getQueue = createRoute({
  method: 'get',
  ...declareWorkspaceAccess('viewer'),
  path: '/workspaces/{workspace}/review-queue',
  operationId: 'getCompanyReviewQueue',
  tags: ['Companies'],
  summary: "A workspace's review queue",
  description:
    'Current jobs whose match needs a person (needs review, or unmatched) and that no person has decided, in file order.',
  request: { params: Workspace },
  responses: {
    200: jsonResponse(jobList('CompanyReviewQueue', 'Jobs to review, in file order'), 'The queue'),
    ...readErrors,
  },
});

const Decision = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .openapi({ description: 'The job title, as the file writes it', example: 'Sr. Analyst' }),
    department: z
      .string()
      .trim()
      .max(500)
      .default('')
      .openapi({ description: 'Its department ("" for none)', example: 'Finance' }),
    profileCode: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .openapi({ description: 'The profile it is', example: 'FINANC.ACCOUNTANTS.P3' }),
    note: z
      .string()
      .trim()
      .max(2_000)
      .optional()
      .openapi({ description: 'Why, for the dictionary and the audit log', example: 'Checked with HR' }),
  })
  .openapi('CompanyDecision', { description: "A person's decision on a title in a department" });

const postDecision = createRoute({
  method: 'post',
  ...declareWorkspaceAccess('editor'),
  path: '/workspaces/{workspace}/decisions',
  operationId: 'decideCompanyJob',
  tags: ['Companies'],
  summary: "Decide a title's profile in a department (editor)",
  description:
    "Kept in the workspace's dictionary (audited) and applied at once to every current job with that title and department (case and spaces aside), which are then decided by a person; every later import maps them from the dictionary with certainty.",
  request: {
    params: Workspace,
    body: { required: true, content: { 'application/json': { schema: Decision } } },
  },
  responses: {
    200: jsonResponse(
      jobList('CompanyDecidedJobs', 'The current jobs the decision settled'),
      'The jobs decided',
    ),
    400: jsonError('No title, or a profile the catalog lacks'),
    ...writeErrors,
  },
});

const getDictionary = createRoute({
  method: 'get',
  ...declareWorkspaceAccess('viewer'),
  path: '/workspaces/{workspace}/dictionary',
  operationId: 'getCompanyDictionary',
  tags: ['Companies'],
  summary: "A workspace's dictionary of decisions",
  description: 'Every decision people made in the review queue, by title and department.',
  request: { params: Workspace },
  responses: {
    200: jsonResponse(
      z.array(DictionaryEntry).openapi('CompanyDictionary', { description: 'Decisions' }),
      'The dictionary',
    ),
    ...readErrors,
  },
});

const getGrades = createRoute({
  method: 'get',
  ...declareWorkspaceAccess('viewer'),
  path: '/workspaces/{workspace}/grades',
  operationId: 'getCompanyGrades',
  tags: ['Companies'],
  summary: "A workspace's grades set by hand and its grade table",
  description:
    'The grades whose Canon levels were set by hand, with why, and the level correlation table of the current jobs.',
  request: { params: Workspace },
  responses: { 200: jsonResponse(Grades, 'The grades'), ...readErrors },
});

const GradeChange = z
  .object({
    grade: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: 'The grade, as the file writes it', example: 'G7' }),
    levels: z.string().trim().min(1).max(20).nullable().openapi({
      description: 'A Canon level or a range (P3..P4); null clears the setting',
      example: 'P5',
    }),
    reason: z
      .string()
      .trim()
      .max(2_000)
      .default('')
      .openapi({ description: 'Why (required to set)', example: 'Agreed with the reward team' }),
  })
  .openapi('CompanyGradeChange', { description: "A grade's Canon levels set or cleared by hand" });

const putGrades = createRoute({
  method: 'put',
  ...declareWorkspaceAccess('editor'),
  path: '/workspaces/{workspace}/grades',
  operationId: 'setCompanyGrade',
  tags: ['Companies'],
  summary: "Set or clear a grade's Canon levels by hand (editor)",
  description:
    'The other grades are fitted around it; a setting that would put a higher grade below a lower one is refused. The current jobs are matched again with it, in one audited write.',
  request: {
    params: Workspace,
    body: { required: true, content: { 'application/json': { schema: GradeChange } } },
  },
  responses: {
    200: jsonResponse(Grades, 'The grades after the change'),
    400: jsonError('A grade or level Canon cannot read, no reason, or a setting that breaks the order'),
    ...writeErrors,
  },
});

const getExport = createRoute({
  method: 'get',
  ...declareWorkspaceAccess('viewer'),
  path: '/workspaces/{workspace}/exports/{file}',
  operationId: 'exportCompanyMapping',
  tags: ['Companies'],
  summary: "A workspace's mapping, matrix or level guide as a file",
  description:
    "The mapping (a row per job with its match and who decided it) or the job family matrix (a row per cell a focus offers or a job holds, then the jobs not placed) as CSV, XLSX or JSON (an array of objects keyed by the CSV's header), or the level guide as Markdown. Cells that look like formulas are written with an apostrophe before them in CSV and XLSX.",
  request: {
    params: Workspace.extend({
      file: z.enum(COMPANY_EXPORT_FILES).openapi({
        param: { name: 'file', in: 'path', description: 'Which export, by its file name' },
        example: 'matrix.csv',
      }),
    }),
  },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/csv': { schema: z.string().openapi({ description: 'CSV, a header row first' }) },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary', description: 'An XLSX workbook of one sheet' }),
        },
        'application/json': {
          schema: z
            .array(z.record(z.string(), z.unknown()))
            .openapi('CompanyExportRows', { description: "The table's rows, keyed by its header" }),
        },
        'text/markdown': { schema: z.string().openapi({ description: 'The level guide' }) },
      },
    },
    ...readErrors,
  },
});

/** The file of an import request: a multipart form's "file", or the body itself named by ?file=. */
async function catalogFile(
  c: Context,
  name: string | undefined,
): Promise<{ bytes: Uint8Array; file: string }> {
  const type = c.req.header('content-type') ?? '';
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File) || file.size === 0)
      throw new CanonError('invalid_input', 'Send the catalog as a non-empty "file" field of the form.');
    return { bytes: new Uint8Array(await file.arrayBuffer()), file: file.name || name || 'upload.csv' };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (!bytes.length)
    throw new CanonError(
      'invalid_input',
      'Send the catalog as the request body (with ?file=NAME.csv or .xlsx) or as the "file" field of a multipart form.',
    );
  if (!name)
    throw new CanonError('invalid_input', 'Name the file sent as the body: ?file=NAME.csv (or .xlsx).');
  return { bytes, file: name };
}

export function registerCompanyRoutes(
  app: OpenAPIHono,
  company: CompanyWorkspace,
  access: Access,
  deps: Pick<ApiDeps, 'catalog' | 'payBook'>,
): void {
  app.openapi(postImport, async (c) => {
    const actor = await access.actor(c);
    const { workspace } = c.req.valid('param');
    const query = c.req.valid('query');
    const { bytes, file } = await catalogFile(c, query.file);
    const gradeOrder = query.gradeOrder
      ?.split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    const options: CompanyImportOptions = {
      ...(query.sheet !== undefined ? { sheet: query.sheet } : {}),
      ...(query.map ? { columns: parseColumnMap(query.map) } : {}),
      ...(gradeOrder?.length ? { gradeOrder } : {}),
    };
    if (query.dryRun === 'true')
      return c.json(importDto(await company.preview(actor, workspace, bytes, file, options), null), 200);
    const stored = await company.store(actor, workspace, bytes, file, options);
    return c.json(importDto(stored.preview, stored.import), 200);
  });
  app.openapi(listImports, async (c) =>
    c.json(await company.imports(await access.actor(c), c.req.valid('param').workspace), 200),
  );
  app.openapi(getMapping, async (c) =>
    c.json(await company.mapping(await access.actor(c), c.req.valid('param').workspace), 200),
  );
  app.openapi(getExport, async (c) => {
    const { workspace, file } = c.req.valid('param');
    const mapping = await company.mapping(await access.actor(c), workspace);
    const { body, contentType } = companyExport(file, {
      ...mapping,
      catalog: deps.catalog(),
      payBook: deps.payBook(),
      company: workspace,
    });
    // The declared answers are the file in each format; the typed router knows only JSON ones.
    return attachment(c, body, contentType, `${workspace}-${file}`) as never;
  });
  app.openapi(getQueue, async (c) =>
    c.json(await company.reviewQueue(await access.actor(c), c.req.valid('param').workspace), 200),
  );
  app.openapi(postDecision, async (c) =>
    c.json(
      await company.decide(await access.actor(c), c.req.valid('param').workspace, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(getDictionary, async (c) =>
    c.json(await company.dictionary(await access.actor(c), c.req.valid('param').workspace), 200),
  );
  const grades = async (c: Context, workspace: string) => {
    const actor = await access.actor(c);
    const [settings, mapping] = await Promise.all([
      company.gradeSettings(actor, workspace),
      company.mapping(actor, workspace),
    ]);
    return { settings, gradeTable: mapping.correlation as unknown as Record<string, unknown> };
  };
  app.openapi(getGrades, async (c) => c.json(await grades(c, c.req.valid('param').workspace), 200));
  app.openapi(putGrades, async (c) => {
    const { workspace } = c.req.valid('param');
    const change = c.req.valid('json');
    await company.setGrade(await access.actor(c), workspace, change.grade, change.levels, change.reason);
    return c.json(await grades(c, workspace), 200);
  });
}
