/**
 * A process for the kill test in key-rotation.test.ts: signs in, says "rotating", rotates the
 * recovery key and prints the new one. The test kills it with SIGKILL at a random moment.
 * Usage: tsx rotation-child.ts <vault dir> <user name> <password>
 */
import { unlockVault } from '../../../../main/core/vault/vault';

const [dir, username, password] = process.argv.slice(2);
if (!dir || !username || !password) throw new Error('usage: rotation-child.ts DIR USER PASSWORD');
const vault = await unlockVault(dir, username, password);
process.stdout.write('rotating\n');
const started = performance.now();
const key = vault.rotateRecoveryKey();
process.stdout.write(`done ${key} ${Math.round(performance.now() - started)}\n`);
vault.close();
