import { builtinFilesStamp } from '../builtin/builtinFilesStamp.js';
import { type Config, DEFAULT_JOB_EXPIRE_SECONDS } from '../config/readConfig.js';
import type { Catalog } from '../core/catalog.js';
import { CanonError } from '../core/errors.js';
import type { PayBook } from '../core/payBands.js';
import { within } from '../core/within.js';
import { openReaderPool, type ReaderPool } from '../factory/readerPool.js';
import type { ChunkQueue } from '../jobs/chunkQueue.js';
import { startChunkWorker, type WorkOptions } from '../jobs/chunkWorker.js';
import { inProcessQueue } from '../jobs/inProcessQueue.js';
import { readBundledOccupations } from '../resolve/bundledOccupations.js';
import { readBundledTitleModel } from '../resolve/bundledTitleModel.js';
import { OUTPUT_COLUMNS } from '../resolve/codeTitleRows.js';
import { landingTable } from '../resolve/focusLanding.js';
import { OccupationIndex } from '../resolve/occupationIndex.js';
import type { ResolverSources } from '../resolve/resolverSources.js';
import { TitleModel } from '../resolve/titleModel.js';
import { TitleResolver } from '../resolve/titleResolver.js';
import { readRevision } from '../store/auditRepository.js';
import { readBuiltinWages } from '../store/builtinFilesRepository.js';
import { readOccupationIndexData, readOccupationRelease } from '../store/occupationRepository.js';
import type { Store } from '../store/openStore.js';
import { readOccupationPay, readProfilePay } from '../store/payRepository.js';
import { readTaxonomy } from '../store/taxonomyRepository.js';
import { BulkJobs } from '../workflow/bulkJobs.js';
import { CompanyImports } from '../workflow/companyImports.js';
import type { CompanyWorkspace } from '../workflow/companyWorkspace.js';
import type { IngestDeps } from '../workflow/ingestSources.js';
import { ProfileWorkflow } from '../workflow/profileWorkflow.js';
import { catalogFrom } from './catalogFrom.js';
import { openConfiguredStore } from './openConfiguredStore.js';
import {
  type CatalogInputs,
  publishCatalog,
  publishedRevision,
  readPublishedCatalog,
  withdrawCatalog,
} from './publishedCatalog.js';
import { syncBuiltinFiles } from './syncBuiltinFiles.js';

/** How long the check for other processes' writes may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 5_000;

export interface Canon {
  store: Store;
  /** The current snapshot; replaced, never mutated, when a write lands. */
  readonly catalog: Catalog;
  readonly payBook: PayBook;
  /** The title resolver, built on first use from the imported occupations (0.8 s with O*NET 29.3 loaded); a profile write reuses its occupation index. */
  resolver: () => Promise<TitleResolver>;
  /** What the resolver is built from, as plain data: for worker threads that build their own (resolve/codingPool.ts). */
  resolverSources: () => Promise<ResolverSources>;
  workflow: ProfileWorkflow;
  /** Re-reads the store into a new snapshot. */
  reload: () => Promise<void>;
  /**
   * Reloads when another process (a second server, the CLI) has written since
   * this snapshot was read. Checks the store at most once per `maxAgeMs`;
   * in between, a call returns the check under way, or null when there is none
   * (so a caller on a hot path has nothing to wait for).
   */
  refresh: (maxAgeMs?: number) => Promise<void> | null;
  /** True when this start loaded changed built-in files into the store. */
  taxonomyChanged: boolean;
  /** Reads documents in worker threads (a worker per core, started on first use). */
  reader: ReaderPool;
  /** Bulk coding jobs: submit a CSV, follow its progress, read its result. */
  jobs: BulkJobs;
  /** Companies' mappings onto Canon, a workspace each: imports, the review queue, the dictionary, grades. */
  company: CompanyWorkspace;
  /**
   * Codes queued chunks of bulk jobs in this process until close(): as a pg-boss worker on
   * PostgreSQL (`canon worker`), with the in-process runner on the embedded store (`canon serve`).
   */
  work: (options: WorkOptions) => Promise<void>;
  /** Stops the job queue (chunks under way finish) and the document readers, then closes the store. */
  close: () => Promise<void>;
}

/**
 * The composition root shared by the server and the CLI: open the configured
 * store, bring the built-in taxonomy into it (a no-op when unchanged) and load
 * the catalog snapshot that every read uses.
 */
export async function openCanon(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'taxonomyDir'> &
    Partial<Pick<Config, 'minFreeMb' | 'jobExpireSeconds' | 'cacheDir'>>,
): Promise<Canon> {
  const store = await openConfiguredStore(config);
  try {
    // The built-in files' digest, read once: what the sync compares, and what publications are stamped with.
    const files = await builtinFilesStamp(config.taxonomyDir);
    // From here until this process publishes its own snapshot, no reader may answer from an older one
    // — unless the one beside the folder holds the store's revision (its holder was not killed after
    // a write it had not yet published): then it is what this process reads, and is kept.
    const publishTo = config.databaseUrl ? null : config.dataDir;
    let published: string | null = null;
    if (publishTo) {
      published = await publishedRevision(publishTo, files);
      if (published !== (await readRevision(store.db))) published = null;
      if (published === null) await withdrawCatalog(publishTo);
    }
    const { changed } = await syncBuiltinFiles(store.db, config.taxonomyDir, files);
    // Reading the current publication (0.3 s) is quicker than reading the store (0.35–0.6 s).
    const current =
      publishTo && published !== null && !changed ? await readPublishedCatalog(publishTo, files) : null;
    // pg-boss and its driver are loaded for PostgreSQL alone: the embedded store's commands would pay for
    // them at every start.
    const queue = config.databaseUrl
      ? (await import('../jobs/pgBossQueue.js')).pgBossQueue({
          url: config.databaseUrl,
          expireSeconds: config.jobExpireSeconds ?? DEFAULT_JOB_EXPIRE_SECONDS,
        })
      : undefined;
    return await canonOn(store, changed, {
      queue,
      current: current ?? undefined,
      publication: publishTo
        ? {
            publish: async (inputs) => {
              if (inputs.revision === published) return;
              published = null;
              await publishCatalog(publishTo, files, inputs);
              published = inputs.revision;
            },
            withdraw: async () => {
              published = null;
              await withdrawCatalog(publishTo);
            },
          }
        : undefined,
    });
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}

/** Where an embedded store's holder leaves its snapshots for the CLI's quick reads (`publishedCatalog.ts`). */
interface Publication {
  publish(inputs: CatalogInputs): Promise<void>;
  withdraw(): Promise<void>;
}

/**
 * Canon over a store that already holds its taxonomy. `publication` receives every snapshot's inputs
 * once it is read (after each write, before the writer hears back). Bulk jobs run on `queue`; without
 * one, the embedded store runs them in process, and PostgreSQL refuses them (its queue needs the URL).
 */
export async function canonOn(
  store: Store,
  taxonomyChanged = false,
  options: {
    publication?: Publication | undefined;
    queue?: ChunkQueue | undefined;
    /** The store's current inputs, when the caller has them already (the publication it kept). */
    current?: CatalogInputs | undefined;
  } = {},
): Promise<Canon> {
  const queue = options.queue ?? (store.kind === 'pglite' ? inProcessQueue(store.db) : noQueue());
  const read = async () => {
    const next = await readSnapshot(store);
    await options.publication?.publish(next.inputs);
    return next;
  };
  let snapshot = options.current ? snapshotOf(options.current) : await read();
  let resolver: Promise<TitleResolver> | null = null;
  let index: { release: string | null; built: Promise<OccupationIndex> } | null = null;
  let checkedAt = Date.now();
  let checking: Promise<void> | null = null;
  // The occupation index (0.8 s to read and build with O*NET 29.3) depends only on the imported release,
  // so a profile write, which changes the catalog, reuses it.
  const occupationIndex = (): Promise<OccupationIndex> => {
    const release = snapshot.occupationRelease;
    if (index && index.release === release) return index.built;
    // With no release imported, the tables shipped in data/ serve: titles code on a fresh install.
    const data = release === null ? readBundledOccupations() : readOccupationIndexData(store.db);
    const built = data.then((rows) => new OccupationIndex(rows));
    index = { release, built };
    built.catch(() => {
      if (index?.built === built) index = null;
    });
    return built;
  };
  // The learned title model ships in data/ and is read once (about 0.15 s): it depends on no release, and
  // serves an imported one too (codes the release lacks are passed over).
  let model: Promise<TitleModel> | null = null;
  const titleModel = (): Promise<TitleModel> => {
    if (model) return model;
    const reading = readBundledTitleModel().then((file) => new TitleModel(file));
    model = reading;
    reading.catch(() => {
      if (model === reading) model = null;
    });
    return reading;
  };
  const buildResolver = async () => {
    const catalog = snapshot.catalog;
    const [index, learned] = await Promise.all([occupationIndex(), titleModel()]);
    return new TitleResolver(index, catalog, learned);
  };
  const resolve = () => {
    if (resolver) return resolver;
    const building = buildResolver();
    resolver = building;
    // A failed build (the store away for a moment) is tried again on the next use, not remembered.
    building.catch(() => {
      if (resolver === building) resolver = null;
    });
    return building;
  };
  const reload = async () => {
    snapshot = await read();
    // Aliases and focus cues feed the resolver, so it is rebuilt (cheaply) on its next use.
    resolver = null;
  };
  const refresh = (maxAgeMs = 1_000): Promise<void> | null => {
    if (checking || Date.now() - checkedAt < maxAgeMs) return checking;
    const started: Promise<void> = (async () => {
      // A query on a connection that died without a word may never answer; a later request asks again.
      const revision = await within(
        readRevision(store.db),
        CHECK_TIMEOUT_MS,
        'Checking the store for changes',
      );
      if (revision !== snapshot.revision) await reload();
    })().finally(() => {
      checkedAt = Date.now();
      if (checking === started) checking = null;
    });
    checking = started;
    return started;
  };
  const reader = openReaderPool();
  return {
    store,
    get catalog() {
      return snapshot.catalog;
    },
    get payBook() {
      return snapshot.payBook;
    },
    resolver: resolve,
    resolverSources: async () => ({
      occupations: snapshot.occupationRelease === null ? null : await readOccupationIndexData(store.db),
      landing: landingTable(snapshot.catalog),
    }),
    workflow: new ProfileWorkflow({ db: store.db, catalog: () => snapshot.catalog, reload }),
    reload,
    refresh,
    taxonomyChanged,
    reader,
    jobs: new BulkJobs({ db: store.db, queue, outputColumns: OUTPUT_COLUMNS }),
    company: new CompanyImports({ db: store.db, catalog: () => snapshot.catalog, resolver: resolve }),
    work: (options) =>
      startChunkWorker(queue, { db: store.db, resolver: resolve, refresh: () => refresh() }, options),
    close: async () => {
      await queue.stop();
      await reader.close();
      const { publication } = options;
      // A write that did not reload (an import) has moved the store past what was published; when
      // that cannot be checked, nothing published may be trusted.
      if (publication)
        await (async () => {
          if ((await readRevision(store.db)) !== snapshot.revision) await reload();
        })().catch(() => publication.withdraw());
      await store.close();
    },
  };
}

function noQueue(): ChunkQueue {
  const refuse = async () => {
    throw new CanonError(
      'store_unavailable',
      'This Canon has no job queue: on PostgreSQL it opens with DATABASE_URL (openCanon).',
    );
  };
  return { enqueue: refuse, work: refuse, stop: async () => {} };
}

/** The revision is read first: a write landing during the read makes the next check reload again, never miss. */
interface Snapshot {
  catalog: Catalog;
  payBook: PayBook;
  revision: string;
  occupationRelease: string | null;
  inputs: CatalogInputs;
}

async function readSnapshot(store: Store): Promise<Snapshot> {
  const revision = await readRevision(store.db);
  const taxonomy = await readTaxonomy(store.db);
  // Imported OEWS figures replace the wages shipped with the built-in release.
  const imported = await readOccupationPay(store.db);
  const inputs: CatalogInputs = {
    revision,
    occupationRelease: await readOccupationRelease(store.db),
    taxonomy,
    occupationPay: imported.length > 0 ? imported : await readBuiltinWages(store.db),
    profilePay: await readProfilePay(store.db),
  };
  return snapshotOf(inputs);
}

function snapshotOf(inputs: CatalogInputs): Snapshot {
  return {
    ...catalogFrom(inputs),
    revision: inputs.revision,
    occupationRelease: inputs.occupationRelease,
    inputs,
  };
}

/** What ingesting documents needs from an open Canon. */
export function ingestDeps(canon: Canon): IngestDeps {
  return {
    db: canon.store.db,
    reload: canon.reload,
    catalog: () => canon.catalog,
    resolver: canon.resolver,
    read: (input) => canon.reader.read(input),
  };
}
