/**
 * The one way the web app talks to the server: the public Sell-style API under /v2, same origin,
 * authenticated by the HttpOnly session cookie. No private endpoints.
 */

export interface SellEnvelope<T> {
  data: T;
  meta: { type: string };
}

export interface SellCollection<T> {
  items: SellEnvelope<T>[];
  meta: { type: 'collection'; count: number; links: { self: string; first_page?: string; prev_page?: string; next_page?: string } };
}

interface SellErrorBody {
  errors?: { error: { code: string; message: string; details?: string; resource?: string; field?: string } }[];
  meta?: { http_status?: string; logref?: string };
}

/** An API answer other than 2xx, with Sell's error messages joined into one readable line. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly codes: string[],
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

/** Called on any 401 so the app can send the user to the sign-in screen. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: SellErrorBody = {};
  try {
    body = (await response.json()) as SellErrorBody;
  } catch {
    // Not JSON (a proxy's page, say): the status text is all there is.
  }
  const errors = body.errors?.map((e) => e.error) ?? [];
  const fields: Record<string, string> = {};
  for (const e of errors) if (e.field) fields[e.field] = e.message;
  const message = errors.length
    ? errors.map((e) => (e.field && !e.message.includes(e.field) ? `${e.field}: ${e.message}` : e.message)).join('; ')
    : `${response.status} ${response.statusText}`;
  return new ApiError(response.status, errors.map((e) => e.code), message, fields);
}

export async function request<T>(method: string, path: string, body?: unknown, options: { skipAuthRedirect?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401 && !options.skipAuthRedirect) onUnauthorized();
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/**
 * POST a form (a file upload) and report how much of the body has been sent, which `fetch`
 * cannot: `onProgress` gets the share sent, 0 to 1. Answers and errors as `request`.
 */
export function upload<T>(path: string, form: FormData, onProgress: (sent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, [], 'the upload failed: the server could not be reached'));
    xhr.onload = () => {
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status === 401) onUnauthorized();
      if (!response.ok) errorOf(response).then(reject, reject);
      else response.json().then((body) => resolve(body as T), reject);
    };
    xhr.send(form);
  });
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

/** The `data` of every item of a collection. */
export function itemsOf<T>(collection: SellCollection<T>): T[] {
  return collection.items.map((item) => item.data);
}
