import { afterEach, describe, expect, it } from 'vitest';
import { addColleague, listColleagues, revokeColleague, verifyColleague } from '../../../../main/core/keys/colleagues';
import { keyFingerprint, sameFingerprint } from '../../../../main/core/keys/fingerprint';
import { parseCard, serialiseCard } from '../../../../main/core/keys/key-card';
import { ensureUserKeys, myKeyCard, signBytes, verifyBytes } from '../../../../main/core/keys/user-keys';
import { makeVault, reopen, tempDirs } from '../bundles/fixtures';

describe('user keys, key cards and the colleague directory', () => {
  const dirs = tempDirs();
  afterEach(() => dirs.cleanup());

  it('creates keys lazily once, keeps private keys wrapped in the database, and survives a reopen', async () => {
    let alice = await makeVault(dirs.make(), 'alice', 'Alice Ahmed');
    expect(alice.db.prepare('SELECT count(*) AS n FROM user_keys').get()).toEqual({ n: 0 });
    const keys = await ensureUserKeys(alice);
    expect(keys.ageRecipient).toMatch(/^age1[a-z0-9]{58}$/);
    const stored = JSON.stringify(alice.db.prepare('SELECT * FROM user_keys').all());
    expect(stored).not.toContain(keys.ageIdentity);
    expect(stored).not.toContain('AGE-SECRET-KEY');
    expect(alice.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'keys.create'`).get()).toEqual({
      n: 1,
    });
    alice = await reopen(alice);
    const again = await ensureUserKeys(alice);
    expect(again.ageIdentity).toBe(keys.ageIdentity);
    expect(verifyBytes(again.signingKey, Buffer.from('x'), signBytes(again, Buffer.from('x')))).toBe(true);
    expect(verifyBytes(again.signingKey, Buffer.from('y'), signBytes(again, Buffer.from('x')))).toBe(false);
    alice.close();
  });

  it('fingerprints are five groups of four, cover both keys, and a card with a changed key is refused', async () => {
    const alice = await makeVault(dirs.make(), 'alice', 'Alice Ahmed');
    try {
      const card = await myKeyCard(alice);
      expect(card.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
      // Change a character in the middle, to one it is not: replacing the last with 'A' was a no-op
      // whenever the key already ended in 'A' (its last base64url character is one of 16, so 1 in 16 runs).
      const changed = (key: string) => `${key.slice(0, 20)}${key[20] === 'A' ? 'B' : 'A'}${key.slice(21)}`;
      expect(keyFingerprint(card.ageRecipient, changed(card.signingKey))).not.toBe(card.fingerprint);
      expect(sameFingerprint(card.fingerprint, card.fingerprint.toLowerCase().replace(/-/g, ' '))).toBe(true);
      expect(parseCard(serialiseCard(card))).toEqual({ ok: true, card });
      const swapped = { ...card, signingKey: changed(card.signingKey) };
      const result = parseCard(JSON.stringify(swapped));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(/fingerprint on this card does not match/);
      expect(parseCard('not json')).toMatchObject({ ok: false });
    } finally {
      alice.close();
    }
  });

  it('adds, verifies and revokes colleagues; refuses own card, clashing keys and re-adding a revoked card', async () => {
    const work = dirs.make();
    const alice = await makeVault(work, 'alice', 'Alice Ahmed');
    const bob = await makeVault(work, 'bob', 'Bob Barnes');
    try {
      const bobCard = await myKeyCard(bob);
      const ownCard = await myKeyCard(alice);
      expect(() => addColleague(alice, ownCard, { verified: false })).toThrow(/user of this vault/);
      const added = addColleague(alice, bobCard, { verified: false });
      expect(added.status).toBe('unverified');
      expect(verifyColleague(alice, added.id).status).toBe('verified');
      expect(() => addColleague(alice, { ...bobCard, name: 'Someone Else' }, { verified: false })).not.toThrow();
      expect(listColleagues(alice.db)).toHaveLength(1);
      expect(revokeColleague(alice, added.id, 'left the service').status).toBe('revoked');
      expect(() => addColleague(alice, bobCard, { verified: true })).toThrow(/revoked/);
      const actions = (
        alice.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'colleague.%' ORDER BY seq`).all() as {
          action: string;
        }[]
      ).map((a) => a.action);
      expect(actions).toEqual(['colleague.add', 'colleague.verify', 'colleague.add', 'colleague.revoke']);
    } finally {
      alice.close();
      bob.close();
    }
  });
});
