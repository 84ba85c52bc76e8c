/** The Training area's calls to the core; each updates the store with what comes back. */
import type { ChannelInput, TrainingEventView, TrainingPackageView } from '../../../preload/contract';
import { call } from '../../lib/api';
import { useTrainingStore as store, type TrainingFilter, type TrainingView } from './training-store';

const PAGE_SIZE = 25;

/** Events, packages and the possible trainers, for the area's first showing. */
export async function loadTrainingArea(): Promise<void> {
  const [events, packages, directory] = await Promise.all([
    call('trainingEvent:list', { ...store.getState().filter, limit: PAGE_SIZE }),
    call('trainingPackage:list', {}),
    call('user:directory', {}),
  ]);
  store.setState({ events, packages, trainers: directory.filter((u) => u.role !== 'read-only') });
}

export async function filterEvents(filter: TrainingFilter): Promise<void> {
  const events = await call('trainingEvent:list', { ...filter, limit: PAGE_SIZE });
  store.setState({ filter, events });
}

export async function pageEvents(offset: number): Promise<void> {
  const events = await call('trainingEvent:list', { ...store.getState().filter, offset, limit: PAGE_SIZE });
  store.setState({ events });
}

export function show(view: TrainingView, notice: string | null = null): void {
  store.setState({ view, notice });
}

async function refresh(): Promise<void> {
  const [events, packages] = await Promise.all([
    call('trainingEvent:list', {
      ...store.getState().filter,
      offset: store.getState().events?.offset ?? 0,
      limit: PAGE_SIZE,
    }),
    call('trainingPackage:list', {}),
  ]);
  store.setState({ events, packages });
}

export function getEvent(eventId: string): Promise<TrainingEventView> {
  return call('trainingEvent:get', { eventId });
}

export async function saveEvent(
  existing: { id: string; version: number } | null,
  event: ChannelInput<'trainingEvent:create'>['event'],
): Promise<TrainingEventView> {
  const saved = existing
    ? await call('trainingEvent:update', { eventId: existing.id, expectedVersion: existing.version, event })
    : await call('trainingEvent:create', { event });
  await refresh();
  return saved;
}

export async function removeEvent(eventId: string, expectedVersion: number, reason: string): Promise<void> {
  await call('trainingEvent:remove', { eventId, expectedVersion, reason });
  await refresh();
}

export async function savePackage(
  existing: { id: string; version: number } | null,
  pkg: ChannelInput<'trainingPackage:create'>['package'],
): Promise<TrainingPackageView> {
  const saved = existing
    ? await call('trainingPackage:update', { packageId: existing.id, expectedVersion: existing.version, package: pkg })
    : await call('trainingPackage:create', { package: pkg });
  await refresh();
  return saved;
}

/** After an upload: the packages again, with the new material. */
export async function reloadPackages(): Promise<void> {
  store.setState({ packages: await call('trainingPackage:list', {}) });
}
