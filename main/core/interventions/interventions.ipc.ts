/**
 * The interventions module's handlers, and what it contributes at start-up: its chronology
 * events and its report kind (both registered when the core loads this file).
 */
import type { interventionChannels } from '../../../preload/contract/interventions';
import type { HandlersFor } from '../ipc/router';
import { raiseConcern } from './concerns.service';
import './intervention-report';
import './interventions.stats';
import { registerInterventionChronology } from './interventions.chronology';
import { listInterventions } from './interventions-list';
import { addReview, closePlan, createPlan, listCasePlans, updatePlan } from './interventions.service';
import {
  addSessionAddendum,
  createSession,
  sessionLog,
  signSession,
  startFromLast,
  updateSession,
} from './sessions.service';

registerInterventionChronology();

export const interventionHandlers: HandlersFor<typeof interventionChannels> = {
  'intervention:listForCase': (input, { manager }) => listCasePlans(manager.current(), input.caseId),
  'intervention:create': (input, { manager }) => createPlan(manager.current(), input.caseId, input.plan),
  'intervention:update': (input, { manager }) =>
    updatePlan(manager.current(), input.planId, input.expectedVersion, input.plan),
  'intervention:addReview': (input, { manager }) => addReview(manager.current(), input.planId, input.review),
  'intervention:close': (input, { manager }) =>
    closePlan(manager.current(), input.planId, input.expectedVersion, input.closure),
  'intervention:list': (input, { manager }) => listInterventions(manager.current(), input.limit, input.offset),
  'interventionSession:log': (input, { manager }) => sessionLog(manager.current(), input),
  'interventionSession:create': (input, { manager }) => createSession(manager.current(), input.planId, input.session),
  'interventionSession:update': (input, { manager }) =>
    updateSession(manager.current(), input.sessionId, input.expectedVersion, input.session),
  'interventionSession:startFromLast': (input, { manager }) => startFromLast(manager.current(), input.planId),
  'interventionSession:sign': (input, { manager }) =>
    signSession(manager.current(), input.sessionId, input.expectedVersion),
  'interventionSession:addAddendum': (input, { manager }) =>
    addSessionAddendum(manager.current(), input.sessionId, input.text),
  'interventionSession:raiseConcern': (input, { manager }) =>
    raiseConcern(manager.current(), input.sessionId, input.concern),
};
