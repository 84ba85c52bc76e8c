/**
 * The consultations module's handlers, and what it contributes at start-up: its chronology
 * events and its report kind (both registered when the core loads this file).
 */
import type { consultationChannels } from '../../../preload/contract/consultations';
import type { HandlersFor } from '../ipc/router';
import { registerChronologySource } from '../notes/chronology';
import { addSession, createAgreement, getAgreement, listAgreements, updateAgreement } from './batch.service';
import { removeSession, updateSession } from './batch-sessions.service';
import {
  addConsultationAddendum,
  createConsultation,
  listAllConsultations,
  listCaseConsultations,
  signConsultation,
  updateConsultation,
} from './consultations.service';
import './consultation-report';
import './consultations.stats';

const SUITABILITY_WORDS = `CASE suitability
    WHEN 'assessment_now' THEN 'suitable for assessment now'
    WHEN 'intervention_now' THEN 'suitable for intervention now'
    WHEN 'later' THEN 'suitable later'
    ELSE 'not suitable' END`;

registerChronologySource({
  kinds: ['consultation', 'consultation_signed', 'batch_discussed'],
  sql: `SELECT meeting_date AS at, 'consultation' AS kind, id AS entity_id,
          'Professional consultation with the network (' || replace(meeting_mode, '_', ' ') || '): ' || ${SUITABILITY_WORDS}
            AS summary,
          (SELECT display_name FROM users u WHERE u.id = created_by) AS actor_name, 0 AS third_party
        FROM consultations WHERE case_id = @caseId
        UNION ALL
        SELECT signed_at, 'consultation_signed', id, 'Consultation report signed off (version ' || signed_version || ')',
          (SELECT display_name FROM users u WHERE u.id = signed_by), 0
        FROM report_signoffs WHERE case_id = @caseId AND subject_kind = 'consultation'
        UNION ALL
        -- Only the organisation: never the other cases discussed, nor what was said about them.
        SELECT s.session_date, 'batch_discussed', d.id, 'Discussed in a batch consultation with ' || a.organisation,
          NULL, 0
        FROM batch_session_cases d JOIN batch_sessions s ON s.id = d.session_id
          JOIN batch_agreements a ON a.id = s.agreement_id
        WHERE d.case_id = @caseId`,
});

export const consultationHandlers: HandlersFor<typeof consultationChannels> = {
  'consultation:list': (input, { manager }) => listCaseConsultations(manager.current(), input.caseId),
  'consultation:create': (input, { manager }) =>
    createConsultation(manager.current(), input.caseId, input.consultation),
  'consultation:update': (input, { manager }) =>
    updateConsultation(manager.current(), input.consultationId, input.expectedVersion, input.consultation),
  'consultation:sign': (input, { manager }) =>
    signConsultation(manager.current(), input.consultationId, input.expectedVersion),
  'consultation:addAddendum': (input, { manager }) =>
    addConsultationAddendum(manager.current(), input.consultationId, input.text),
  'consultation:listAll': (input, { manager }) => listAllConsultations(manager.current(), input.limit, input.offset),
  'batch:listAgreements': (input, { manager }) => listAgreements(manager.current(), input.limit, input.offset),
  'batch:getAgreement': (input, { manager }) => getAgreement(manager.current(), input.agreementId),
  'batch:createAgreement': (input, { manager }) => createAgreement(manager.current(), input.agreement),
  'batch:updateAgreement': (input, { manager }) =>
    updateAgreement(manager.current(), input.agreementId, input.expectedVersion, input.agreement),
  'batch:addSession': (input, { manager }) => addSession(manager.current(), input.agreementId, input.session),
  'batch:updateSession': (input, { manager }) =>
    updateSession(manager.current(), input.sessionId, input.expectedVersion, input.session),
  'batch:removeSession': (input, { manager }) =>
    removeSession(manager.current(), input.sessionId, input.expectedVersion, input.reason),
};
