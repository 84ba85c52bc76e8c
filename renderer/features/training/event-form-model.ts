/**
 * The event form's model: what the fields hold (text, as typed), how a saved event fills them,
 * and how they become the contract's input. Checking runs the contract's own schemas, so the
 * form refuses in the same words as the router; only what the schemas cannot see (a number
 * that is not a number, a date that is not dd/mm/yyyy) is checked here first.
 */
import {
  trainingEventSchema,
  trainingPackageSchema,
  type ChannelInput,
  type TrainingDelivery,
  type TrainingEventView,
  type TrainingSector,
} from '../../../preload/contract';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';

/** The package chooser's value for "a new package", typed in the form. */
export const NEW_PACKAGE = 'new';

export interface EventFields {
  title: string;
  packageId: string;
  newPackageTitle: string;
  newPackageSectors: TrainingSector[];
  tailoring: string;
  organisation: string;
  sector: TrainingSector | '';
  startDate: string;
  endDate: string;
  delivery: TrainingDelivery | '';
  trainerIds: string[];
  coTrainers: string;
  attendees: string;
  evaluationsReturned: string;
  preConfidence: string;
  postConfidence: string;
  themes: string;
  materialsVersion: string;
}

export type EventErrors = Partial<Record<keyof EventFields, string>>;

export function emptyEventFields(firstPackageId: string | null, me: string | null): EventFields {
  return {
    title: '',
    packageId: firstPackageId ?? NEW_PACKAGE,
    newPackageTitle: '',
    newPackageSectors: [],
    tailoring: '',
    organisation: '',
    sector: '',
    startDate: '',
    endDate: '',
    delivery: '',
    trainerIds: me ? [me] : [],
    coTrainers: '',
    attendees: '',
    evaluationsReturned: '',
    preConfidence: '',
    postConfidence: '',
    themes: '',
    materialsVersion: '',
  };
}

const text = (n: number | null) => (n === null ? '' : String(n));

export function eventFieldsFrom(e: TrainingEventView): EventFields {
  return {
    title: e.title,
    packageId: e.packageId,
    newPackageTitle: '',
    newPackageSectors: [],
    tailoring: e.tailoring,
    organisation: e.organisation,
    sector: e.sector,
    startDate: isoToUk(e.startDate),
    endDate: e.endDate === e.startDate ? '' : isoToUk(e.endDate),
    delivery: e.delivery,
    trainerIds: e.trainerIds,
    coTrainers: e.coTrainers,
    attendees: String(e.attendees),
    evaluationsReturned: text(e.evaluationsReturned),
    preConfidence: text(e.preConfidence),
    postConfidence: text(e.postConfidence),
    themes: e.themes,
    materialsVersion: String(e.materialsVersion),
  };
}

/** A typed number: null when empty, NaN when it is not a number. */
function numberOf(typed: string): number | null {
  const t = typed.trim();
  return t === '' ? null : Number(t);
}

/** Stands in for a package still to be made, so the rest of the event can be checked first. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

export type EventInput = ChannelInput<'trainingEvent:create'>['event'];
export type PackageInput = ChannelInput<'trainingPackage:create'>['package'];

export interface CheckedEvent {
  errors: EventErrors;
  /** The event to send (its package id is the placeholder while the package is new). */
  event: EventInput | null;
  /** The package to create first, when "New package" is chosen. */
  newPackage: PackageInput | null;
}

export function checkEventFields(f: EventFields): CheckedEvent {
  const errors: EventErrors = {};
  const start = checkUkDate(f.startDate, 'first day', true);
  if (start) errors.startDate = start;
  const end = checkUkDate(f.endDate, 'last day', false);
  if (end) errors.endDate = end;
  const numbers = {
    attendees: numberOf(f.attendees),
    evaluationsReturned: numberOf(f.evaluationsReturned),
    preConfidence: numberOf(f.preConfidence),
    postConfidence: numberOf(f.postConfidence),
  };
  for (const [k, v] of Object.entries(numbers) as [keyof typeof numbers, number | null][]) {
    if (v !== null && Number.isNaN(v)) errors[k] = 'Enter a number, such as 24 or 6.5.';
  }
  if (numbers.attendees === null) errors.attendees = 'Enter the number of attendees.';

  let newPackage: PackageInput | null = null;
  if (f.packageId === NEW_PACKAGE) {
    newPackage = { title: f.newPackageTitle, audienceSectors: f.newPackageSectors, currentMaterialsVersion: 1 };
    const pkg = trainingPackageSchema.safeParse(newPackage);
    if (!pkg.success) {
      for (const issue of pkg.error.issues) {
        const key = issue.path[0] === 'title' ? 'newPackageTitle' : 'newPackageSectors';
        errors[key] ??= issue.message;
      }
    }
  }
  const candidate = {
    title: f.title,
    packageId: f.packageId === NEW_PACKAGE ? PLACEHOLDER_ID : f.packageId,
    tailoring: f.tailoring,
    organisation: f.organisation,
    sector: f.sector || undefined,
    startDate: parseUkDate(f.startDate) ?? '',
    endDate: f.endDate.trim() ? (parseUkDate(f.endDate) ?? '') : null,
    delivery: f.delivery || undefined,
    trainerIds: f.trainerIds,
    coTrainers: f.coTrainers,
    ...numbers,
    themes: f.themes,
    materialsVersion: f.packageId === NEW_PACKAGE || !f.materialsVersion ? null : Number(f.materialsVersion),
  };
  const parsed = trainingEventSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === 'string' && key in f) errors[key as keyof EventFields] ??= issue.message;
    }
  }
  const ok = Object.keys(errors).length === 0 && parsed.success;
  return { errors, event: ok ? parsed.data : null, newPackage };
}
