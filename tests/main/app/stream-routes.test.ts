/** The app:// protocol's document routes, against a real vault and real encrypted blobs. */
import { beforeEach, describe, expect, it } from 'vitest';
import { coreForEachTest } from '../core/core-fixture';
import { handleAppRequest } from '../../../main/app/app-protocol-handler';
import { createStreamServer } from '../../../main/app/stream-routes';

const fx = coreForEachTest('ncats-stream-');
let caseId: string;

beforeEach(async () => {
  const created = await fx.core.router('case:create', {
    referralDate: '2026-01-12',
    youngPerson: { givenName: 'Sam', familyName: 'Testcase', dateOfBirth: '2012-05-01' },
  });
  if (!created.ok) throw new Error(created.error.message);
  caseId = (created.value as { id: string }).id;
});

function serve(request: Request) {
  return handleAppRequest(request, { rendererRoot: fx.dir, serveStream: createStreamServer(fx.core) });
}

const bytes = Buffer.from('%PDF-1.4\n' + 'x'.repeat(200_000));

async function upload(): Promise<string> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.subarray(0, 100_000));
      controller.enqueue(bytes.subarray(100_000));
      controller.close();
    },
  });
  const res = await serve(
    new Request(`app://ncats/documents/upload?caseId=${caseId}&filename=report.pdf&title=Report`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit),
  );
  expect(res.status).toBe(201);
  const json = (await res.json()) as { ok: boolean; value: { id: string; sizeBytes: number } };
  expect(json.value.sizeBytes).toBe(bytes.length);
  return json.value.id;
}

describe('app:// document routes', () => {
  it('uploads a streamed body and serves it back whole and by range', async () => {
    const id = await upload();
    const whole = await serve(new Request(`app://ncats/documents/${id}`));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await serve(new Request(`app://ncats/documents/${id}`, { headers: { range: 'bytes=100-199' } }));
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it('answers LOCKED (401-style JSON) once the vault is locked', async () => {
    const id = await upload();
    fx.core.manager.lock('explicit');
    const res = await serve(new Request(`app://ncats/documents/${id}`));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('refuses an upload for an unknown case without storing anything', async () => {
    const res = await serve(
      new Request(`app://ncats/documents/upload?caseId=00000000-0000-4000-8000-000000000000&filename=a.txt`, {
        method: 'POST',
        body: 'hello',
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    const list = await fx.core.router('document:list', { caseId });
    expect(list).toMatchObject({ ok: true, value: [] });
  });
});

describe('app:// bundle routes', () => {
  it('receives an uploaded bundle into the inbox and refuses unknown downloads', async () => {
    const res = await serve(
      new Request('app://ncats/bundles/upload', { method: 'POST', body: 'age-encryption.org/v1\n' }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { ok: boolean; value: { inboxId: string; size: number } };
    expect(body.value.size).toBeGreaterThan(0);
    const missing = await serve(new Request('app://ncats/bundles/00000000-0000-4000-8000-000000000000'));
    expect(missing.status).toBeGreaterThanOrEqual(400);
  });
});
