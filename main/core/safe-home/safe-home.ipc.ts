/**
 * The Safe Home handlers: themes and the completion rule, runs and their plans, the register,
 * enrolments, safety plans, a case's Safe Home and the service view. Loading this file registers
 * the module's record definitions (through the services' repos).
 */
import type { safeHomeChannels } from '../../../preload/contract/safe-home';
import type { HandlersFor } from '../ipc/router';
import { getCaseSafeHome } from './case-view';
import { enrolCarer, rateCarer, withdrawCarer } from './enrolments.service';
import { takeRegister } from './register.service';
import { addCatchUp } from './catch-ups.service';
import { closeRun, createRun, getRun, reopenRun, updateRun } from './runs.service';
import { addSafetyPlanVersion, markReviewed } from './safety-plans.service';
import { listRuns, serviceSummary } from './service-view';
import { completionRule, createTheme, themeList, updateCompletionRule, updateTheme } from './themes.service';
// What Safe Home contributes at start-up beyond its handlers: its report kind and chronology events.
import { registerSafeHomeSubjectAccess } from './safe-home.subject-access';
import './safe-home-report';
// Its statistics measures (completion and drop-out) for the dashboard and the export.
import './safe-home.stats';
import { registerSafeHomeChronology } from './safe-home.chronology';

registerSafeHomeChronology();
registerSafeHomeSubjectAccess();

export const safeHomeHandlers: HandlersFor<typeof safeHomeChannels> = {
  'safeHomeTheme:list': (_input, { manager }) => themeList(manager.current()),
  'safeHomeTheme:create': (input, { manager }) => createTheme(manager.current(), input.theme),
  'safeHomeTheme:update': (input, { manager }) =>
    updateTheme(manager.current(), input.themeId, input.expectedVersion, input.theme),
  'safeHomeRule:get': (_input, { manager }) => completionRule(manager.current()),
  'safeHomeRule:update': (input, { manager }) => updateCompletionRule(manager.current(), input.rule),
  'safeHomeRun:list': (input, { manager }) => listRuns(manager.current(), input.limit, input.offset),
  'safeHomeRun:summary': (_input, { manager }) => serviceSummary(manager.current()),
  'safeHomeRun:get': (input, { manager }) => getRun(manager.current(), input.runId),
  'safeHomeRun:create': (input, { manager }) => createRun(manager.current(), input.run),
  'safeHomeRun:update': (input, { manager }) =>
    updateRun(manager.current(), input.runId, input.expectedVersion, input.run),
  'safeHomeRun:close': (input, { manager }) =>
    closeRun(manager.current(), input.runId, input.expectedVersion, input.closedOn),
  'safeHomeRun:reopen': (input, { manager }) =>
    reopenRun(manager.current(), input.runId, input.expectedVersion, input.reason),
  'safeHomeSession:addCatchUp': (input, { manager }) => addCatchUp(manager.current(), input.runId, input.catchUp),
  'safeHomeSession:takeRegister': (input, { manager }) =>
    takeRegister(manager.current(), input.sessionId, input.expectedVersion, input.register),
  'safeHomeEnrolment:create': (input, { manager }) => enrolCarer(manager.current(), input.runId, input.enrolment),
  'safeHomeEnrolment:rate': (input, { manager }) =>
    rateCarer(manager.current(), input.enrolmentId, input.expectedVersion, input.outcome),
  'safeHomeEnrolment:withdraw': (input, { manager }) =>
    withdrawCarer(manager.current(), input.enrolmentId, input.expectedVersion, input.withdrawal),
  'safeHomeSafetyPlan:addVersion': (input, { manager }) =>
    addSafetyPlanVersion(manager.current(), input.runId, input.plan),
  'safeHomeSafetyPlan:markReviewed': (input, { manager }) =>
    markReviewed(manager.current(), input.versionId, input.expectedVersion, input.sessionId),
  'safeHomeCase:get': (input, { manager }) => getCaseSafeHome(manager.current(), input.caseId),
};
