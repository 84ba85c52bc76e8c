/**
 * Report kind `subject-access`: a copy of a young person's records (or, with a person, of one
 * carer's own records) for a subject access request, with every third-party-flagged item
 * replaced by a visible block and third parties' names taken out of the rest (`redaction.ts`).
 *
 * Two copies, decided here: the requester's copy (the default) and the reviewer's copy
 * (`reviewerCopy`), which is the same document under a title that says on every page it is not
 * for the requester, followed by a final "Redaction log" section listing each redaction with
 * the original text. Only the reviewer's copy ever holds redacted words. Each export is audited
 * as `report.subject_access` with whose records, which copy and the redaction counts.
 */
import type { PersonKind, PersonView } from '../../../../preload/contract/people';
import { displayName } from '../../../../preload/contract/young-person-name';
import { loadCaseDetail } from '../../cases/cases.service';
import { kindLabel } from '../chronology-report';
import { ukDate, ukWhen } from '../format';
import type { Block, ReportContent } from '../model';
import { registerReportKind, type ReportContext } from '../registry';
import { documentsSchedule } from './documents-schedule';
import { makeRedactor, type Redaction, type ReleasedItem } from './redaction';
import { namesInDescription, type RedactedName } from './redact-names';
import { otherFamilyNames, personEvents, readCaseEvents, requireCarer } from './read-records';
import { readVictimFields, type VictimField } from './victim-fields';

export const SAR_TITLE = 'Subject access request';
export const SAR_REVIEWER_TITLE = 'Subject access request: REVIEWER’S COPY, not for the requester';

const PERSON_KINDS: Record<PersonKind, string> = {
  referrer: 'Referrer',
  professional: 'Professional',
  parent_carer: 'Parent or carer',
  sibling: 'Sibling',
  household_child: 'Other child in the household',
};

const sentence = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

function recordsTable(items: readonly (ReleasedItem & { who: string })[], empty: string): Block {
  return {
    kind: 'table',
    caption: 'Oldest first. Each item is numbered; a withheld item keeps its number.',
    columns: [
      { header: 'Item', weight: 7 },
      { header: 'Date', weight: 14 },
      { header: 'Kind', weight: 13 },
      { header: 'What was recorded', weight: 50 },
      { header: 'Who', weight: 16 },
    ],
    rows: items.map((i) => ({ cells: [String(i.item), ukWhen(i.date), i.kind, i.text, i.who] })),
    empty,
  };
}

function logBlocks(log: readonly Redaction[]): Block[] {
  return [
    {
      kind: 'heading',
      level: 1,
      // Its own page: the reviewer reads it beside the copy, and never sends it.
      newPage: true,
      text: `Redaction log (reviewer only, ${log.length} ${log.length === 1 ? 'redaction' : 'redactions'})`,
    },
    {
      kind: 'paragraph',
      style: 'note',
      text:
        'Check each redaction before the requester’s copy is released. The original text below is third-party ' +
        'information: never send this copy to the requester.',
    },
    {
      kind: 'table',
      caption: 'Each redaction, by item.',
      columns: [
        { header: 'Item', weight: 7 },
        { header: 'Date', weight: 13 },
        { header: 'Kind', weight: 12 },
        { header: 'Why', weight: 22 },
        { header: 'Original text', weight: 46 },
      ],
      rows: log.map((r) => ({
        cells: [
          r.item === 0 ? '-' : String(r.item),
          ukWhen(r.date),
          r.kind,
          r.why,
          { text: r.original, thirdParty: true },
        ],
      })),
      empty: 'Nothing was redacted.',
    },
  ];
}

const THIRD_PARTY_WHY = 'third-party person on the case';
const OTHER_FAMILY_WHY = 'another family in the same Safe Home group';
const victimNameWhy = (label: string) => `recorded as “${label}”`;

/**
 * Whose names are redacted: the case's third parties, the other families of its groups, and
 * whoever a victim field describes (the phrase whole, and its capitalised words, which may be a
 * name the service never recorded as a person), so the harmed person's name is taken out of
 * every other item too.
 */
function namesToRedact(
  ctx: ReportContext,
  people: readonly PersonView[],
  victims: ReadonlyMap<string, readonly VictimField[]>,
): RedactedName[] {
  return [
    ...people.filter((p) => p.thirdParty).map((p) => ({ name: p.name, why: THIRD_PARTY_WHY })),
    ...otherFamilyNames(ctx.db, ctx.caseId).map((name) => ({ name, why: OTHER_FAMILY_WHY })),
    ...[...victims.values()]
      .flat()
      .map((f) => ({ name: f.value, why: victimNameWhy(f.label), parts: namesInDescription(f.value) })),
  ];
}

export function buildSubjectAccess(ctx: ReportContext): ReportContent {
  const c = loadCaseDetail(ctx.db, ctx.caseId, ctx.today);
  const yp = c.youngPerson;
  const ypName = displayName(yp.givenName, yp.familyName, yp.initials ?? '') || 'Not recorded';
  const carer = ctx.personId !== undefined ? requireCarer(ctx.db, ctx.caseId, ctx.personId) : null;
  // The requester's own family's name parts stay (their surname is not a third party's).
  const family = [ypName, ...c.people.filter((p) => !p.thirdParty && p.kind === 'parent_carer').map((p) => p.name)];
  const victims = readVictimFields(ctx.db, ctx.caseId);
  const redactor = makeRedactor(namesToRedact(ctx, c.people, victims), family);

  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        `A copy of the records the service holds about ${carer ? carer.name : ypName}, made for a subject access request. ` +
        'Information about other people (for example a victim or a brother or sister) has been taken out: an item ' +
        'withheld whole reads "Redacted: third-party information, item N", and a name taken out of an item reads ' +
        '"[name redacted]". Who was harmed by a behaviour is always withheld.' +
        (carer
          ? ''
          : ' The case’s documents are listed at the end: each one disclosed is supplied as its own file with this copy.'),
    },
  ];
  if (carer) {
    blocks.push({
      kind: 'keyValues',
      items: [
        { key: 'Parent or carer', value: carer.relationship ? `${carer.name} (${carer.relationship})` : carer.name },
        {
          key: 'Parental responsibility',
          value: carer.parentalResponsibility === null ? 'Not recorded' : carer.parentalResponsibility ? 'Yes' : 'No',
        },
        { key: 'Address', value: carer.address ?? 'Not recorded' },
        { key: 'Phone', value: carer.phone ?? 'Not recorded' },
        { key: 'Email', value: carer.email ?? 'Not recorded' },
      ],
    });
  } else {
    blocks.push({
      kind: 'keyValues',
      items: [
        { key: 'Young person', value: ypName },
        { key: 'Date of birth', value: yp.dateOfBirth ? ukDate(yp.dateOfBirth) : 'Not recorded' },
        { key: 'Referral date', value: ukDate(c.referralDate) },
        {
          key: 'Referred by',
          value: c.referralSource ? redactor.fact('Referral', c.referralDate, c.referralSource) : 'Not recorded',
        },
        {
          key: 'Reason for referral',
          value: c.referralReason ? redactor.fact('Referral', c.referralDate, c.referralReason) : 'Not recorded',
        },
        { key: 'Case status', value: sentence(c.status) },
        { key: 'Lead worker', value: c.leadWorkerName ?? 'Not allocated' },
      ],
    });
    blocks.push({ kind: 'heading', level: 1, text: 'People linked to the case' });
    blocks.push({
      kind: 'table',
      caption: 'As recorded on the People tab.',
      columns: [
        { header: 'Item', weight: 7 },
        { header: 'Name', weight: 38 },
        { header: 'Who they are', weight: 55 },
      ],
      rows: c.people.map((p) => {
        const r = redactor.release({
          date: p.dateOfBirth ?? c.referralDate,
          kind: 'Person',
          text: [p.name, PERSON_KINDS[p.kind], p.relationship, p.agency].filter(Boolean).join(', '),
          flagged: p.thirdParty,
        });
        const who = [PERSON_KINDS[p.kind], p.relationship, p.agency].filter(Boolean).join(', ');
        return { cells: r.withheld ? [String(r.item), r.text, ''] : [String(r.item), p.name, who] };
      }),
      empty: 'No one else is linked to this case.',
    });
  }

  const all = readCaseEvents(ctx.db, ctx.caseId);
  const events = carer ? personEvents(ctx.db, ctx.caseId, carer.id, all) : all;
  const released = events.map((e) => ({
    ...redactor.release({
      date: e.at,
      kind: kindLabel(e.kind),
      text: sentence(e.text),
      flagged: e.thirdParty,
      victimFields: victims.get(e.entityId) ?? [],
    }),
    who: e.actorName ?? '-',
  }));
  blocks.push(
    { kind: 'heading', level: 1, text: `Records (${released.length} ${released.length === 1 ? 'item' : 'items'})` },
    recordsTable(
      released,
      carer ? 'No records of this carer’s own are held.' : 'Nothing has been recorded on this case yet.',
    ),
  );
  // The case's documents are the young person's records; a carer's copy holds only their own.
  const schedule = carer ? null : documentsSchedule(ctx.db, ctx.caseId, redactor, ctx.reviewerCopy === true);
  if (schedule) blocks.push(...schedule.blocks);
  if (ctx.reviewerCopy) blocks.push(...logBlocks(redactor.log));

  const counts = redactor.counts();
  return {
    caseReference: c.reference,
    blocks,
    ...(ctx.reviewerCopy ? { title: SAR_REVIEWER_TITLE } : {}),
    auditDetail: {
      subject: carer ? 'carer' : 'young_person',
      ...(carer ? { personId: carer.id } : {}),
      copy: ctx.reviewerCopy ? 'reviewer' : 'requester',
      ...counts,
      ...(schedule ? { documents: schedule.documents, documentsWithheld: schedule.documentsWithheld } : {}),
      redactions: redactor.log.length,
    },
  };
}

registerReportKind({
  id: 'subject-access',
  title: SAR_TITLE,
  build: buildSubjectAccess,
  takes: { person: true, reviewerCopy: true },
  auditAction: 'report.subject_access',
});
