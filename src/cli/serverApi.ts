import { CanonError, ERROR_CODES, type ErrorCode, quote } from '../core/errors.js';

/** A running Canon server's API, as a CLI command uses it when that server holds the embedded store. */
export interface ServerApi {
  url: string;
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  /** JSON in, JSON out; `null` for an answer with no body (204). */
  post<T>(path: string, body: unknown): Promise<T>;
  /** JSON in, JSON out, replacing what the path names. */
  put<T>(path: string, body: unknown): Promise<T>;
  /** Removes (or revokes) what the path names; `null` for an answer with no body (204). */
  delete<T>(path: string): Promise<T>;
  /** A multipart form (documents to ingest). */
  postForm<T>(path: string, form: FormData): Promise<T>;
  /** A file the API answers (an export), as its bytes. */
  download(path: string): Promise<Uint8Array>;
}

/**
 * Errors come back as the API's `{ error: { code, message } }` and are thrown as the same
 * `CanonError`, so a command exits with the code it would have had on the store.
 */
export function serverApi(url: string, key: string | null): ServerApi {
  const headers = (extra: Record<string, string> = {}) => ({
    accept: 'application/json',
    ...(key ? { authorization: `Bearer ${key}` } : {}),
    ...extra,
  });
  const fetchFrom = async (path: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(new URL(path, url), init);
    } catch (cause) {
      throw new CanonError(
        'store_unavailable',
        `The Canon server at ${url} holds this data folder but does not answer: ${(cause as Error).message}`,
        { cause },
      );
    }
  };
  const failure = async (response: Response): Promise<CanonError> => {
    const text = await response.text();
    return apiError(response.status, parseJson(text, response.status), key !== null);
  };
  const parseJson = (text: string, status: number): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      throw new CanonError(
        'internal',
        `The Canon server at ${url} answered ${status} with something other than JSON: ${quote(text.slice(0, 200))}`,
      );
    }
  };
  const call = async <T>(path: string, init: RequestInit): Promise<T> => {
    const response = await fetchFrom(path, init);
    if (response.status === 204) return null as T;
    if (!response.ok) throw await failure(response);
    return parseJson(await response.text(), response.status) as T;
  };
  return {
    url,
    get: (path, query = {}) => {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query))
        if (value !== undefined) params.set(name, String(value));
      const search = params.size ? `?${params}` : '';
      return call(`${path}${search}`, { headers: headers() });
    },
    post: (path, body) =>
      call(path, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      }),
    put: (path, body) =>
      call(path, {
        method: 'PUT',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      }),
    delete: (path) => call(path, { method: 'DELETE', headers: headers() }),
    postForm: (path, form) => call(path, { method: 'POST', headers: headers(), body: form }),
    download: async (path) => {
      const response = await fetchFrom(path, { headers: headers({ accept: '*/*' }) });
      if (!response.ok) throw await failure(response);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

function apiError(status: number, body: unknown, keyGiven: boolean): CanonError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
  const code: ErrorCode = ERROR_CODES.find((c) => c === error?.code) ?? 'internal';
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${status}.`;
  const hint =
    code === 'unauthorized' && !keyGiven
      ? ' A running server holds this data folder, so this command goes through its API: give a key with --key or CANON_API_KEY.'
      : '';
  return new CanonError(code, `${message}${hint}`, {
    ...(error?.details && typeof error.details === 'object'
      ? { details: error.details as Record<string, unknown> }
      : {}),
  });
}
