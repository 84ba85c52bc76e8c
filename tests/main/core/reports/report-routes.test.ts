/**
 * The report byte route as the Electron shell serves it (app://ncats/reports/...), against a
 * real vault through the same stream server and protocol handler the app registers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { coreForEachTest } from '../core-fixture';
import { handleAppRequest } from '../../../../main/app/app-protocol-handler';
import { isAllowedDownloadUrl } from '../../../../main/app/session-policy';
import { createStreamServer } from '../../../../main/app/stream-routes';
import { parseReportAddress, parseReportPath } from '../../../../main/core/reports/report-routes';

const fx = coreForEachTest('ncats-report-route-');
let caseId: string;
let reference: string;

beforeEach(async () => {
  const created = await fx.core.router('case:create', {
    referralDate: '2026-01-12',
    youngPerson: { givenName: 'Sam', familyName: 'Testcase', dateOfBirth: '2012-05-01' },
  });
  if (!created.ok) throw new Error(created.error.message);
  ({ id: caseId, reference } = created.value as { id: string; reference: string });
});

function get(path: string, method = 'GET') {
  return handleAppRequest(new Request(`app://ncats/${path}`, { method }), {
    rendererRoot: fx.dir,
    serveStream: createStreamServer(fx.core),
  });
}

function exports(): number {
  const row = fx.core.manager
    .current()
    .db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'report.export' AND case_id = ?`)
    .get(caseId) as { n: number };
  return row.n;
}

describe('GET app://ncats/reports/<caseId>/<kind>.<format>', () => {
  it('answers a PDF or Word download with a file name from the reference and date, and audits it', async () => {
    const pdf = await get(`reports/${caseId}/chronology.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="${reference} chronology \\d{2}-\\d{2}-\\d{4}\\.pdf"`),
    );
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers.get('content-length')).toBe(String(bytes.length));

    const word = await get(`reports/${caseId}/chronology.docx`);
    expect(word.status).toBe(200);
    expect(word.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(
      Buffer.from(await word.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    expect(exports()).toBe(2);
  });

  it('refuses a bad address, another method, an unknown case and a locked vault, saying why', async () => {
    const bad = await get(`reports/${caseId}/chronology.exe`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/\.pdf or \.docx/);
    expect((await get(`reports/not-a-case/chronology.pdf`)).status).toBe(400);
    expect((await get(`reports/${caseId}/horoscope.pdf`)).status).toBe(400);
    expect((await get(`reports/${caseId}/chronology.pdf`, 'POST')).status).toBe(405);
    expect((await get(`reports/00000000-0000-4000-8000-000000000000/chronology.pdf`)).status).toBe(404);
    expect(exports()).toBe(0);
    fx.core.manager.lock('explicit');
    expect((await get(`reports/${caseId}/chronology.pdf`)).status).toBe(401);
  });

  it('is a download the shell lets through to its save dialog', () => {
    expect(isAllowedDownloadUrl(`app://ncats/reports/${caseId}/chronology.pdf`)).toBe(true);
    expect(isAllowedDownloadUrl(`https://example.org/reports/${caseId}/chronology.pdf`)).toBe(false);
  });
});

describe('GET reports/<caseId>/consultation.<format>?record=<id>', () => {
  async function consult(forCase: string, meetingDate: string, discussion: string): Promise<string> {
    const made = await fx.core.router('consultation:create', {
      caseId: forCase,
      consultation: {
        meetingDate,
        meetingMode: 'virtual',
        policeInvestigation: 'no',
        reason: 'Advice on contact.',
        networkQuestions: 'Is home safe?',
        discussion,
        recommendations: 'Keep the plan.',
        suitability: 'assessment_now',
      },
    });
    if (!made.ok) throw new Error(made.error.message);
    return (made.value as { id: string }).id;
  }

  it('prints the consultation named, audits it by id, and refuses one of another case or a bad id', async () => {
    const older = await consult(caseId, '2026-01-05', 'The older discussion.');
    await consult(caseId, '2026-01-20', 'The newer discussion.');
    const word = await get(`reports/${caseId}/consultation.docx?record=${older}`);
    expect(word.status).toBe(200);
    expect(word.headers.get('content-disposition')).toMatch(/^attachment/);
    const detail = fx.core.manager
      .current()
      .db.prepare(`SELECT detail FROM audit_log WHERE action = 'report.export' ORDER BY seq DESC LIMIT 1`)
      .get() as { detail: string };
    expect(JSON.parse(detail.detail)).toMatchObject({ kind: 'consultation', format: 'docx', recordId: older });
    const preview = await get(`report-preview/${caseId}/consultation.pdf?record=${older}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-disposition')).toMatch(/^inline/);
    expect(exports()).toBe(2);

    const other = await fx.core.router('case:create', {
      referralDate: '2026-01-12',
      youngPerson: { givenName: 'Alex', familyName: 'Othercase', dateOfBirth: '2011-02-03' },
    });
    if (!other.ok) throw new Error(other.error.message);
    const theirs = await consult((other.value as { id: string }).id, '2026-01-07', 'Another case.');
    const refused = await get(`reports/${caseId}/consultation.pdf?record=${theirs}`);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      `There is no consultation ${theirs} in this case.`,
    );
    const bad = await get(`reports/${caseId}/consultation.pdf?record=not-an-id`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/not a record id/);
    expect((await get(`reports/${caseId}/chronology.pdf?record=${older}`)).status).toBe(400);
    expect(exports()).toBe(2);
  });
});

describe('parseReportAddress', () => {
  const path = '6f1c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/consultation.pdf';
  const record = '0a1b2c3d-1a2b-4c3d-8e9f-6f1c2b7e4e5f';
  it('adds the record when the query names one, once, by id (other parameters are the transport’s)', () => {
    expect(parseReportAddress(path, new URLSearchParams(`token=abc&r=x&record=${record}`))).toEqual({
      caseId: '6f1c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      kind: 'consultation',
      format: 'pdf',
      recordId: record,
    });
    expect(parseReportAddress(path, new URLSearchParams('token=abc'))).not.toHaveProperty('recordId');
    expect(() => parseReportAddress(path, new URLSearchParams(`record=${record}&record=${record}`))).toThrow(
      /of one record: name it once/,
    );
    expect(() => parseReportAddress(path, new URLSearchParams('record=../../etc'))).toThrow(/not a record id/);
    expect(() => parseReportAddress(path, new URLSearchParams('record='))).toThrow(/not a record id/);
  });
});

describe('parseReportPath', () => {
  it('splits case id, kind and format', () => {
    expect(parseReportPath('6f1c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/chronology.docx')).toEqual({
      caseId: '6f1c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      kind: 'chronology',
      format: 'docx',
    });
    expect(() => parseReportPath('a/b/c.pdf')).toThrow(/reports\/<case id>\/<report>\.pdf or \.docx/);
  });
});
