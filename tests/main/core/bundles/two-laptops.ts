/**
 * Alice and Bob for a bundle test: before each test, two new vaults in a fresh folder, each
 * with the other's verified key card; after it, both cores disposed and the folder removed.
 * `use` receives the pair before each test, so a test file keeps its own `alice` / `bob`:
 *
 *   let alice: Laptop; let bob: Laptop; let bobOnAlice: string;
 *   twoLaptops('ncats-bundle-x-', (pair) => ({ alice, bob, bobOnAlice } = pair));
 */
import { afterEach, beforeEach } from 'vitest';
import { tempDirs } from '../temp-vault';
import { exchangeCards, laptop, type Laptop } from './app-fixtures';

export interface LaptopPair {
  alice: Laptop;
  bob: Laptop;
  /** Bob's colleague id on Alice's laptop (whom Alice sends to). */
  bobOnAlice: string;
  /** Alice's colleague id on Bob's laptop. */
  aliceOnBob: string;
}

export function twoLaptops(prefix: string, use: (pair: LaptopPair) => void): void {
  const dirs = tempDirs(prefix);
  let pair: LaptopPair | undefined;
  beforeEach(async () => {
    const parent = dirs.make();
    const alice = await laptop(parent, 'alice', 'Alice Ahmed');
    const bob = await laptop(parent, 'bob', 'Bob Barnes');
    const cards = await exchangeCards(alice, bob);
    pair = { alice, bob, bobOnAlice: cards.bOnA, aliceOnBob: cards.aOnB };
    use(pair);
  });
  afterEach(() => {
    pair?.alice.core.manager.dispose();
    pair?.bob.core.manager.dispose();
    pair = undefined;
    dirs.cleanup();
  });
}
