/**
 * The script of a worker thread that lives beside a module (`from`: its import.meta.url), by name:
 * `name`.js in dist/. Under tsx and vitest that module is TypeScript, which a worker's own Node cannot
 * load, so there the worker first registers tsx's loader (a dev dependency, never needed by dist/).
 */
export function workerScript(from: string, name: string): URL {
  if (!from.endsWith('.ts')) return new URL(`./${name}.js`, from);
  const script = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(new URL(`./${name}.ts`, from).href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(script)}`);
}
