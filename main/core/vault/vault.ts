/**
 * The vault: one folder holding the encrypted database and a header of password key slots.
 * This file is the vault's public face (many callers import from here); the work is split by
 * concern:
 * - key-slots.ts: wrapping the database key with a password-derived key;
 * - create-vault.ts: a new vault and its first administrator;
 * - sign-in.ts: unlocking with a password or the recovery key, back-off and pending audit rows;
 * - open-vault.ts: the unlocked vault a session works through (audit, users, subkeys, close).
 */
export { OpenVault, type VaultOptions } from './open-vault';
export { createVault, vaultExists } from './create-vault';
export { recoverVault, unlockVault } from './sign-in';
