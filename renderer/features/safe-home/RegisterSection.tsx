/**
 * The run's register: the key to the marks, the grid, and the form of the session whose cell
 * was chosen; and booking a catch-up.
 */
import { useRef, useState } from 'react';
import type { RunView } from '../../../preload/contract/safe-home';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { CatchUpForm } from './CatchUpForm';
import { RegisterForm } from './RegisterForm';
import { RegisterGrid, RegisterKey } from './RegisterGrid';
import styles from './SafeHome.module.css';

export function RegisterSection({
  run,
  canWrite,
  onMessage,
}: {
  run: RunView;
  canWrite: boolean;
  onMessage: (m: string) => void;
}) {
  const [taking, setTaking] = useState<{ sessionId: string; enrolmentId: string | null } | null>(null);
  const [booking, setBooking] = useState(false);
  const back = useRef<HTMLElement | null>(null);
  const focusLater = useFocusLater();
  const session = run.sessions.find((s) => s.id === taking?.sessionId) ?? null;

  function done(saved: string | null) {
    setTaking(null);
    setBooking(false);
    if (saved) onMessage(saved);
    else focusLater(() => back.current);
  }

  return (
    <section aria-labelledby="register-heading" className="section">
      <h3 id="register-heading">Register</h3>
      <RegisterKey />
      {run.enrolments.length === 0 ? (
        <p className="muted">No carers are enrolled yet.</p>
      ) : (
        <RegisterGrid
          run={run}
          canWrite={canWrite}
          onChoose={(sessionId, enrolmentId) => {
            back.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            setBooking(false);
            setTaking({ sessionId, enrolmentId });
          }}
        />
      )}
      {session && (
        <RegisterForm
          key={`${session.id}-${session.version}`}
          run={run}
          session={session}
          focusEnrolmentId={taking?.enrolmentId ?? null}
          onDone={done}
        />
      )}
      {canWrite && !booking && run.enrolments.length > 0 && (
        <button
          type="button"
          className={`button button--secondary ${styles.after}`}
          onClick={(e) => {
            back.current = e.currentTarget;
            setTaking(null);
            setBooking(true);
          }}
        >
          Book a catch-up session
        </button>
      )}
      {booking && <CatchUpForm run={run} onDone={done} />}
    </section>
  );
}
