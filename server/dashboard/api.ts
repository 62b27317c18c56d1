import { z } from 'zod';
import { ApiError } from '../../shared/schema/api';

export const Session = z.object({
  username: z.string(),
  role: z.enum(['district_admin', 'ward_viewer']),
  wardId: z.string().nullable(),
  csrfToken: z.string(),
});
export type Session = z.infer<typeof Session>;

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** JSON over the admin API: the session cookie rides along, changes carry the CSRF token. */
export async function api<T>(path: string, schema: z.ZodType<T>, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(method !== 'GET' && { 'x-csrf-token': csrfToken }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(json);
    throw new ApiFailure(response.status, error.success ? error.data.error.code : 'http', error.success ? error.data.error.message : response.statusText);
  }
  return schema.parse(json);
}

/** Downloads an export, reporting bytes received so a long export shows progress. */
export async function download(path: string, filename: string, onProgress: (received: number) => void) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok || !response.body) throw new ApiFailure(response.status, 'http', response.statusText);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
