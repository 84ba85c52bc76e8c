/**
 * The ways the bundle fuzzer damages a real bundle, each a fast-check arbitrary of a small
 * description (so a counterexample reads as "tar-flip at 1536 bit 3", not as 300 KB of bytes)
 * and one function that turns a description into the hostile file's bytes.
 *
 * Two layers: the encrypted file as it travels (bit flips, truncations, appended data: the age
 * format's MACs must catch them), and the tar inside it, re-encrypted to the recipient's public
 * key as anyone can (flips, truncations, appended data, tampered entries re-signed with an
 * attacker's own key or not at all, hostile entry names and hostile declared sizes: the
 * bundle's own checks must catch them).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { BLOCK, MAX_TAR_ENTRY_SIZE } from '../../../main/core/bundles/tar-rules';
import type { KeyCard } from '../../../main/core/keys/key-card';
import { signBytes, type UserKeys } from '../../../main/core/keys/user-keys';
import { buildTar, editManifest, type RawEntry } from '../core/bundles/craft';

export interface BundleMaterial {
  /** The bundle file as exported (age-encrypted). */
  outer: Buffer;
  /** Its tar entries, decrypted with the recipient's key (manifest.json first, manifest.sig second). */
  entries: RawEntry[];
  /** The attacker's own keys and key card (a real vault's, never known to the recipient). */
  attacker: UserKeys;
  attackerCard: KeyCard;
}

export type Mutation =
  | { kind: 'outer-flip'; offset: number; bit: number }
  | { kind: 'outer-truncate'; at: number }
  | { kind: 'outer-append'; data: Uint8Array }
  | { kind: 'tar-flip'; offset: number; bit: number }
  | { kind: 'tar-truncate'; at: number }
  | { kind: 'tar-append'; data: Uint8Array }
  | { kind: 'tamper'; entry: number; offset: number; xor: number; signing: Signing }
  | { kind: 'tamper-manifest'; field: 'case-id' | 'bundle-id' | 'recipients' | 'entries'; signing: Signing }
  | { kind: 'hostile-name'; entry: number; name: string; add: boolean }
  | { kind: 'hostile-size'; entry: number; size: 'larger' | 'huge' | 'zero' | 'smaller' };

/**
 * How a tampered bundle is signed: not re-signed (the old signature), re-signed with the
 * attacker's key while still naming the real sender, or re-signed as the attacker (her own key
 * card as sender: then the bundle is genuine but from an unknown person).
 */
export type Signing = 'keep-signature' | 'attacker-claims-sender' | 'attacker-as-sender';

/** Whether the result is a well-formed bundle from the attacker (refused only as unknown sender). */
export function signedByAttacker(m: Mutation): boolean {
  return (m.kind === 'tamper' || m.kind === 'tamper-manifest') && m.signing === 'attacker-as-sender';
}

/** Names no entry may have: climbing out, absolute, too long, NUL, Windows forms, odd unicode. */
export const HOSTILE_NAMES: readonly string[] = [
  '../escape.json',
  '../../../../../tmp/ncats-fuzz-escape',
  'records/../../escape.json',
  '/etc/passwd',
  '/tmp/ncats-fuzz-absolute',
  'C:\\Windows\\escape.json',
  '..\\..\\escape.json',
  `${'a'.repeat(99)}`,
  `records/${'b'.repeat(200)}`,
  'records/case\u0000.json',
  '\u0000',
  '',
  '.',
  '..',
  'records/',
  'manifest.json',
  'records/\u202ecase.json',
  'documents/\ud800.bin',
  'records//case.json',
  'records/./case.json',
];

const SIGNINGS: readonly Signing[] = ['keep-signature', 'attacker-claims-sender', 'attacker-as-sender'];

/** Offsets near where the age format's regions meet: header, nonce, each 64 KiB chunk. */
function outerBoundaries(outer: Buffer): number[] {
  const headerEnd = outer.indexOf('\n---') >= 0 ? outer.indexOf('\n', outer.indexOf('\n---') + 1) + 1 : 0;
  const points = [0, 1, 20, headerEnd - 1, headerEnd, headerEnd + 16, outer.length - 17, outer.length - 1];
  for (let at = headerEnd + 16 + 65_536 + 16; at < outer.length; at += 65_536 + 16) points.push(at - 1, at, at + 1);
  return points.filter((p) => p >= 0 && p < outer.length);
}

export function mutationsOf(material: BundleMaterial): fc.Arbitrary<Mutation> {
  const outer = material.outer;
  const tarLength = buildTar(material.entries).length;
  const entryCount = material.entries.length;
  const dataEntry = fc.integer({ min: 2, max: Math.max(2, entryCount - 1) });
  const anyEntry = fc.integer({ min: 0, max: entryCount - 1 });
  const bit = fc.integer({ min: 0, max: 7 });
  const bytes = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 600 }),
    fc.constant(new Uint8Array(BLOCK * 2)),
    fc.constant(new Uint8Array(outer.subarray(0, 4096))),
  );
  const outerAt = fc.oneof(fc.constantFrom(...outerBoundaries(outer)), fc.integer({ min: 0, max: outer.length - 1 }));
  const tarAt = fc.oneof(
    fc.integer({ min: 0, max: Math.floor(tarLength / BLOCK) }).map((b) => b * BLOCK),
    fc.integer({ min: 0, max: tarLength - 1 }),
  );
  return fc.oneof(
    fc.record({ kind: fc.constant('outer-flip' as const), offset: fc.integer({ min: 0, max: outer.length - 1 }), bit }),
    fc.record({ kind: fc.constant('outer-truncate' as const), at: outerAt }),
    fc.record({ kind: fc.constant('outer-append' as const), data: bytes }),
    fc.record({ kind: fc.constant('tar-flip' as const), offset: fc.integer({ min: 0, max: tarLength - 1 }), bit }),
    fc.record({ kind: fc.constant('tar-truncate' as const), at: tarAt }),
    fc.record({ kind: fc.constant('tar-append' as const), data: bytes }),
    fc.record({
      kind: fc.constant('tamper' as const),
      entry: dataEntry,
      offset: fc.nat(),
      xor: fc.integer({ min: 1, max: 255 }),
      signing: fc.constantFrom(...SIGNINGS),
    }),
    fc.record({
      kind: fc.constant('tamper-manifest' as const),
      field: fc.constantFrom('case-id' as const, 'bundle-id' as const, 'recipients' as const, 'entries' as const),
      signing: fc.constantFrom(...SIGNINGS),
    }),
    fc.record({
      kind: fc.constant('hostile-name' as const),
      entry: anyEntry,
      name: fc.constantFrom(...HOSTILE_NAMES),
      add: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('hostile-size' as const),
      entry: anyEntry,
      size: fc.constantFrom('larger' as const, 'huge' as const, 'zero' as const, 'smaller' as const),
    }),
  );
}

function flip(bytes: Buffer, offset: number, bitNo: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = (copy[offset] ?? 0) ^ (1 << bitNo);
  return copy;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Point the manifest at the entries as they now are, then sign it as `signing` says. */
function resign(
  entries: RawEntry[],
  material: BundleMaterial,
  signing: Signing,
  edit?: (m: Record<string, unknown>) => void,
): RawEntry[] {
  const edited = editManifest(entries, (m) => {
    edit?.(m);
    for (const e of m.entries as { name: string; size: number; sha256: string }[]) {
      const data = entries.find((x) => x.name === e.name)?.data;
      if (data && signing !== 'keep-signature') {
        e.size = data.length;
        e.sha256 = sha256(data);
      }
    }
    if (signing === 'attacker-as-sender') m.sender = material.attackerCard;
  });
  if (signing === 'keep-signature') return edited;
  const manifest = (edited[0] as RawEntry).data;
  edited[1] = { name: 'manifest.sig', data: Buffer.from(`${signBytes(material.attacker, manifest)}\n`) };
  return edited;
}

/**
 * The hostile file: `outer` bytes as they are, or a tar to be encrypted to the recipient
 * (`sealTar`), which the caller does with the real age writer.
 */
export function applyMutation(m: Mutation, material: BundleMaterial): { outer: Buffer } | { sealTar: Buffer } {
  const entries = material.entries.map((e) => ({ ...e }));
  const tar = (): Buffer => buildTar(entries);
  switch (m.kind) {
    case 'outer-flip':
      return { outer: flip(material.outer, m.offset, m.bit) };
    case 'outer-truncate':
      return { outer: material.outer.subarray(0, m.at) };
    case 'outer-append':
      return { outer: Buffer.concat([material.outer, m.data]) };
    case 'tar-flip':
      return { sealTar: flip(tar(), m.offset, m.bit) };
    case 'tar-truncate':
      return { sealTar: tar().subarray(0, m.at) };
    case 'tar-append':
      return { sealTar: Buffer.concat([tar(), m.data]) };
    case 'tamper': {
      const target = entries[m.entry] as RawEntry;
      const data = Buffer.from(target.data.length ? target.data : Buffer.alloc(1));
      const at = m.offset % data.length;
      data[at] = (data[at] ?? 0) ^ m.xor;
      entries[m.entry] = { ...target, data };
      return { sealTar: buildTar(resign(entries, material, m.signing)) };
    }
    case 'tamper-manifest': {
      const edit = (manifest: Record<string, unknown>): void => {
        if (m.field === 'case-id')
          (manifest.case as Record<string, unknown>).id = '00000000-0000-4000-8000-000000000000';
        if (m.field === 'bundle-id') manifest.bundleId = '00000000-0000-4000-8000-000000000001';
        if (m.field === 'recipients') manifest.recipients = [];
        if (m.field === 'entries')
          (manifest.entries as unknown[]).push({
            name: 'records/extra.json',
            size: 2,
            sha256: sha256(Buffer.from('{}')),
          });
      };
      return { sealTar: buildTar(resign(entries, material, m.signing, edit)) };
    }
    case 'hostile-name': {
      if (m.add) entries.splice(Math.max(2, m.entry), 0, { name: m.name, data: Buffer.from('{"hostile":true}') });
      else entries[m.entry] = { ...(entries[m.entry] as RawEntry), name: m.name };
      return { sealTar: tar() };
    }
    case 'hostile-size': {
      const target = entries[m.entry] as RawEntry;
      const declared = {
        larger: target.data.length + BLOCK * 3 + 7,
        huge: MAX_TAR_ENTRY_SIZE,
        zero: 0,
        smaller: Math.max(0, target.data.length - 1),
      }[m.size];
      entries[m.entry] = { ...target, headerSize: declared };
      return { sealTar: tar() };
    }
  }
}
