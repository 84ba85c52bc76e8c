import type { psychometricsChannels } from '../../../preload/contract/psychometrics';
import type { HandlersFor } from '../ipc/router';
import { registerChronologySource } from '../notes/chronology';
import { PSYCHOMETRICS_CHRONOLOGY_SOURCE } from './psychometrics.chronology';
import { correctAdministration, removeAdministration } from './psychometrics-corrections.service';
import {
  caseAdministrations,
  createInstrument,
  instruments,
  recordAdministration,
  updateInstrument,
} from './psychometrics.service';

registerChronologySource(PSYCHOMETRICS_CHRONOLOGY_SOURCE);

/** Handlers for the catalogue and the administrations. */
export const psychometricsHandlers: HandlersFor<typeof psychometricsChannels> = {
  'psychometrics:listInstruments': (input, { manager }) => instruments(manager.current(), input.includeRetired),
  'psychometrics:createInstrument': (input, { manager }) => createInstrument(manager.current(), input.instrument),
  'psychometrics:updateInstrument': (input, { manager }) =>
    updateInstrument(manager.current(), input.instrumentId, input.expectedVersion, input.instrument, input.retired),
  'psychometrics:listForCase': (input, { manager }) => caseAdministrations(manager.current(), input.caseId),
  'psychometrics:record': (input, { manager }) =>
    recordAdministration(manager.current(), input.caseId, input.administration),
  'psychometrics:update': (input, { manager }) =>
    correctAdministration(manager.current(), input.administrationId, input.expectedVersion, input.administration),
  'psychometrics:remove': (input, { manager }) =>
    removeAdministration(manager.current(), input.administrationId, input.expectedVersion, input.reason),
};
