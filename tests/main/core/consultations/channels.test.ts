/**
 * The consultation channels through the real router: inputs validated by the contract's zod
 * schemas with messages in UK English before any handler runs, and the writes closed to
 * read-only users.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-vault';
import { laptop, makeCase, type Laptop } from '../bundles/app-fixtures';

const dirs = tempDirs('ncats-consultation-channels-');
let l: Laptop;
beforeEach(async () => {
  l = await laptop(dirs.make(), 'ada', 'Ada Admin');
});
afterEach(() => {
  l.core.manager.dispose();
  dirs.cleanup();
});

describe('consultation channels', () => {
  it('refuse an incomplete consultation with the reasons, and write nothing', async () => {
    const c = await makeCase(l, 'Hughes');
    const result = await l.raw('consultation:create', {
      caseId: c.id,
      consultation: {
        meetingDate: '2026-02-30',
        meetingMode: 'by carrier pigeon',
        policeInvestigation: 'yes',
        reason: ' ',
        networkQuestions: 'Q',
        discussion: 'D',
        recommendations: 'R',
        suitability: 'later',
      },
    });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(result.ok ? '' : result.error.code).toBe('INVALID_INPUT');
    expect(message).toContain('That date does not exist.');
    expect(message).toContain('Say whether the meeting was in person or virtual.');
    expect(message).toContain('Say why the network asked for a consultation.');
    expect(await l.call('consultation:list', { caseId: c.id })).toEqual([]);
  });

  it('refuse a session whose discussed case is both linked and anonymous', async () => {
    const c = await makeCase(l, 'Hughes');
    const a = await l.call<{ id: string }>('batch:createAgreement', {
      agreement: { organisation: 'Leeds YOT', frequency: 'Monthly', startDate: '2026-01-01' },
    });
    const result = await l.raw('batch:addSession', {
      agreementId: a.id,
      session: { sessionDate: '2026-01-10', discussedCases: [{ caseId: c.id, anonymousRef: 'Child K' }] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.ok ? '' : result.error.message).toContain('either a case of the service or an anonymous reference');
  });

  it('close the writes to read-only users', async () => {
    const c = await makeCase(l, 'Hughes');
    await l.call('user:create', {
      username: 'rita',
      displayName: 'Rita Reader',
      password: 'read only password 1',
      role: 'read-only',
    });
    await l.call('vault:unlock', { username: 'rita', password: 'read only password 1' });
    expect(await l.call('consultation:list', { caseId: c.id })).toEqual([]);
    const write = await l.raw('batch:createAgreement', {
      agreement: { organisation: 'Leeds YOT', frequency: 'Monthly', startDate: '2026-01-01' },
    });
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
