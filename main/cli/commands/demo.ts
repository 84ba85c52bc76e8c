import { localDate, parseUserDate } from '../../core/cases/dates';
import { generateDemoData } from '../../core/demo/generate';
import { parseCommandArgs, positiveCount, required } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp, withUnlockedVault } from '../vault-access';

const OPTIONS = {
  ...SIGN_IN_OPTIONS,
  cases: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  archive: { type: 'string' },
} as const;

/** More than this would take hours on a laptop and is surely a typing slip. */
const MAX_CASES = 100_000;

/** `ncats demo`: fill a vault with synthetic cases for demos, benchmarks and screenshots. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Add synthetic demo cases (fake people, notes, flags, tasks) to a vault.',
  usage: `ncats demo --vault DIR --user NAME [--password-stdin] --cases N [--seed S] [--archive M]

Adds N synthetic but realistic cases to the vault: fake names and dates of birth, the
professional network, parents, carers and siblings (named to fit their relationship and the
young person's gender), about 25 notes per case, flags, tasks and paperwork, with referrals
spread over the five years before the --as-of date and numbered in referral order within each
year (NC-YYYY-0001 is that year's earliest). The same seed always gives the same cases
and date (the default seed is 1, the default date today). Also older cases for Records
retention (one for every 20 cases unless --archive says otherwise), closed or declined 18 to 30 years before that date (review dates past, due
and ahead; legal holds, deaths, care-experienced flags, and a disposed case's tombstone when the
vault has a second administrator). Use it only on a demo or test vault: the cases look real. One
audit row is written per batch of cases, not one per record.

Options:
${signInHelp(`the user to sign in as (recorded as the writer; clinicians and
                      administrators become the lead workers)`)}
  --cases N           how many cases to add (1 to ${MAX_CASES.toLocaleString('en-GB')})
  --seed S            any text or number; the same seed gives the same cases
  --archive M         also add M archive cases for Records retention (default: one for
                      every 20 cases; 0 for none)
  --as-of YYYY-MM-DD  the demo's "today": clocks, tasks and ages are as of this date
                      (default: today's date in England)`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    const cases = positiveCount(required(values.cases, 'cases'), 'cases', MAX_CASES);
    const seed = values.seed ?? '1';
    // An archive by default (one older case for every 20), so Records retention has something to
    // review in a demo; --archive 0 leaves it out (tests that count exactly the N cases).
    const archiveCases =
      values.archive === undefined
        ? Math.floor(cases / 20)
        : values.archive.trim() === '0'
          ? 0
          : positiveCount(values.archive, 'archive', MAX_CASES);
    const asOf = values['as-of'] ?? localDate(new Date());
    if (parseUserDate(asOf) !== asOf) {
      throw new UsageError('--as-of must be a real date written YYYY-MM-DD, for example 2026-12-01.');
    }
    return withUnlockedVault(io, signIn, (vault) => {
      let reported = 0;
      const result = generateDemoData(vault, {
        cases,
        seed,
        referenceDate: asOf,
        archiveCases,
        onProgress: (done) => {
          // A progress line every tenth of the way, on standard error so the summary stays clean.
          if (done - reported >= cases / 10 || done === cases) {
            io.err(`${done.toLocaleString('en-GB')} of ${cases.toLocaleString('en-GB')} cases written`);
            reported = done;
          }
        },
      });
      io.out(
        `Added ${result.cases} cases, ${result.notes} notes, ${result.people} people, ${result.flags} flags and ${result.tasks} tasks (seed ${seed}) in ${(result.ms / 1000).toFixed(1)} s.`,
      );
      const kept = result.retention;
      if (kept.archived > 0)
        io.out(
          `Archive for Records retention: ${kept.archived} older cases (${kept.declined} declined referrals), ${kept.holds} on legal hold, ${kept.deaths} with a date of death, ${kept.careExperienced} care-experienced, ${kept.tombstones} disposed of.`,
        );
      return EXIT.OK;
    });
  },
};
