import { randomBytes } from 'node:crypto';
import { type Command, InvalidArgumentError } from 'commander';
import { dataDirOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { configWith, type StoreFlags } from './withCanon.js';

/** Adds `canon serve`. */
export function serveCommand(parent: Command, io: CliIO): void {
  parent
    .command('serve')
    .description('run the web app and API (embedded store unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (default 3000, or PORT)', port)
    .option('--host <host>', 'address to bind (default 127.0.0.1, or HOST)')
    .addOption(dataDirOption())
    .action((flags) => serve(flags, io));
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new InvalidArgumentError('expected a whole number from 0 to 65535.');
  return n;
}

/** Starts the web app and API; resolves once listening and closes cleanly on SIGINT/SIGTERM. */
async function serve(flags: StoreFlags & { port?: number; host?: string }, io: CliIO): Promise<void> {
  const started = performance.now();
  const config = configWith(flags);
  // The server's modules load here, so the other commands start without them.
  const [{ pino }, { appForCanon }, { openCanon }, { Observability }, { startServer }] = await Promise.all([
    import('pino'),
    import('../../runtime/appForCanon.js'),
    import('../../runtime/openCanon.js'),
    import('../../server/observability.js'),
    import('../../server/startServer.js'),
  ]);
  const canon = await openCanon(config);
  const logger = pino({ level: config.logLevel });
  const operator = { token: randomBytes(32).toString('base64url'), actor: cliActor() };
  const app = appForCanon(canon, {
    operator,
    publicReads: config.publicReads,
    rateLimits: config.rateLimits,
    cacheBytes: config.cacheMb * 1024 * 1024,
    observability: new Observability(logger),
    // Failures go in the same JSON log as requests, with their stack (pino's err serializer).
    log: (message, err) => logger.error({ err }, message),
  });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(app, config.host, config.port);
  } catch (cause) {
    await canon.close();
    throw cause;
  }
  // Other commands on this data folder find the server here and use its API.
  await canon.store.advertise(server.url, operator.token).catch(async (cause) => {
    await server.close().catch(() => {});
    await canon.close();
    throw cause;
  });
  // On PostgreSQL, `canon worker` processes code bulk jobs; the embedded store belongs to this process.
  if (canon.store.kind === 'pglite')
    await canon.work({
      concurrency: 1,
      onEvent: (event) => {
        if (event.kind === 'job-failed')
          logger.error({ job: event.task.jobId }, `bulk job failed: ${event.error}`);
        else if (event.kind === 'chunk-error' || event.kind === 'queue-error')
          logger.error({ err: event.error }, `bulk job: ${event.kind}`);
      },
    });
  const store =
    canon.store.kind === 'pglite'
      ? `embedded store in ${canon.store.location}, coding bulk jobs in process`
      : `PostgreSQL at ${canon.store.location}`;
  io.err(
    `Canon is serving ${server.url}  (${canon.catalog.taxonomy.profiles.length} profiles, ${store}${
      canon.taxonomyChanged ? ', built-in taxonomy loaded' : ''
    }; ready in ${Math.round(performance.now() - started)} ms)\n`,
  );
  // The first page of a large workspace after a start would wait a second or more on its jobs.
  const warming = performance.now();
  canon.company
    .warm()
    .then((workspaces) => {
      if (workspaces.length > 0)
        logger.info(
          { workspaces, ms: Math.round(performance.now() - warming) },
          'company mappings read ahead',
        );
    })
    .catch((err: unknown) => logger.error({ err }, 'reading company mappings ahead failed'));
  const stop = async () => {
    io.err('Canon is stopping…\n');
    await server.close().catch(() => {});
    await canon.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
