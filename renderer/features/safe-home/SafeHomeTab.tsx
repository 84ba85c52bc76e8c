/**
 * The case page's Safe Home tab: the journey of each of the family's carers through the
 * programme, and the family's safety-plan versions. Only this family's data: the core sends
 * nothing of the other families in a group, and this screen shows only what it sends.
 */
import { useRef, useState } from 'react';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { CarerJourney } from './CarerJourney';
import { useSafeHomeStore } from './safe-home-store';
import { SafetyPlans } from './SafetyPlans';

export function SafeHomeTab() {
  const caseId = useCasePageStore((s) => s.caseId);
  const loadedFor = useSafeHomeStore((s) => s.caseId);
  const view = useSafeHomeStore((s) => s.caseView);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  if (!caseId) return null;
  const mine = loadedFor === caseId ? view : undefined;

  function announce(text: string) {
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  return (
    <div className="tab-body">
      <h3>Safe Home</h3>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {mine === undefined ? (
        <p role="status">Loading Safe Home…</p>
      ) : mine.journeys.length === 0 ? (
        <p className="muted">
          No parent or carer of this case is enrolled in Safe Home. Enrol them from a run in the Safe Home area.
        </p>
      ) : (
        <>
          {mine.journeys.map((j) => (
            <CarerJourney key={j.enrolmentId} journey={j} />
          ))}
          <SafetyPlans caseId={caseId} view={mine} canWrite={canWrite} onMessage={announce} />
        </>
      )}
    </div>
  );
}
