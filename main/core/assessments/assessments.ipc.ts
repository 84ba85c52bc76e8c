import type { assessmentChannels } from '../../../preload/contract/assessments';
import type { HandlersFor } from '../ipc/router';
import {
  addBehaviour,
  addRecommendation,
  removeBehaviour,
  removeRecommendation,
  updateBehaviour,
} from './assessment-content.service';
import { reopenStage } from './assessment-reopen.service';
import { registerAssessmentChronology } from './assessments.chronology';
import { registerAssessmentSubjectAccess } from './assessments.subject-access';
import { addAssessmentAddendum, signOffAssessment } from './assessment-signoff.service';
import './assessment-report';
import './assessments.stats';
import { listAssessments } from './assessments-list';
import { completeStage, getAssessment, openAssessment, planStage, updateAssessment } from './assessments.service';

registerAssessmentChronology();
registerAssessmentSubjectAccess();

/** Handlers for the assessment channels. */
export const assessmentHandlers: HandlersFor<typeof assessmentChannels> = {
  'assessment:get': (input, { manager }) => getAssessment(manager.current(), input.caseId),
  'assessment:open': (input, { manager }) => openAssessment(manager.current(), input.caseId),
  'assessment:update': (input, { manager }) =>
    updateAssessment(manager.current(), input.assessmentId, input.expectedVersion, input.patch),
  'assessment:planStage': (input, { manager }) =>
    planStage(manager.current(), input.stageId, input.expectedVersion, input.plan),
  'assessment:completeStage': (input, { manager }) =>
    completeStage(manager.current(), input.stageId, input.expectedVersion, input.actualDate),
  'assessment:reopenStage': (input, { manager }) =>
    reopenStage(manager.current(), input.stageId, input.expectedVersion, input.reason),
  'assessment:addBehaviour': (input, { manager }) =>
    addBehaviour(manager.current(), input.assessmentId, input.behaviour),
  'assessment:updateBehaviour': (input, { manager }) =>
    updateBehaviour(manager.current(), input.behaviourId, input.expectedVersion, input.behaviour),
  'assessment:removeBehaviour': (input, { manager }) =>
    removeBehaviour(manager.current(), input.behaviourId, input.expectedVersion),
  'assessment:addRecommendation': (input, { manager }) =>
    addRecommendation(manager.current(), input.assessmentId, input.recommendation),
  'assessment:removeRecommendation': (input, { manager }) =>
    removeRecommendation(manager.current(), input.recommendationId, input.expectedVersion),
  'assessment:list': (input, { manager }) => listAssessments(manager.current(), input),
  'assessment:signOff': (input, { manager }) =>
    signOffAssessment(manager.current(), input.assessmentId, input.expectedVersion),
  'assessment:addAddendum': (input, { manager }) =>
    addAssessmentAddendum(manager.current(), input.assessmentId, input.text),
};
