/**
 * The training module's handlers (the materials' bytes are byte routes: training-routes.ts), and
 * its statistics (registered when the core loads this file).
 */
import type { trainingChannels } from '../../../preload/contract/training';
import type { HandlersFor } from '../ipc/router';
import './training.stats';
import { listTrainingEvents } from './training-list';
import {
  createTrainingEvent,
  createTrainingPackage,
  getTrainingEvent,
  listTrainingPackages,
  removeTrainingEvent,
  updateTrainingEvent,
  updateTrainingPackage,
} from './training.service';

export const trainingHandlers: HandlersFor<typeof trainingChannels> = {
  'trainingPackage:list': (_input, { manager }) => listTrainingPackages(manager.current()),
  'trainingPackage:create': (input, { manager }) => createTrainingPackage(manager.current(), input.package),
  'trainingPackage:update': (input, { manager }) =>
    updateTrainingPackage(manager.current(), input.packageId, input.expectedVersion, input.package),
  'trainingEvent:list': (input, { manager }) => listTrainingEvents(manager.current(), input),
  'trainingEvent:get': (input, { manager }) => getTrainingEvent(manager.current(), input.eventId),
  'trainingEvent:create': (input, { manager }) => createTrainingEvent(manager.current(), input.event),
  'trainingEvent:update': (input, { manager }) =>
    updateTrainingEvent(manager.current(), input.eventId, input.expectedVersion, input.event),
  'trainingEvent:remove': (input, { manager }) => removeTrainingEvent(manager.current(), input),
};
