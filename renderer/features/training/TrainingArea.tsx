/**
 * The Training area: the events the service delivered (filtered, newest first) and the packages
 * they delivered, with each package's materials. Recording or editing an event, or a package,
 * takes the area's place until it is saved or cancelled; what was saved is then announced.
 */
import { useEffect, useState } from 'react';
import { Notice } from '../../components/FormError';
import { errorMessage } from '../../lib/api';
import { useSessionStore } from '../../stores/session';
import { EventForm } from './EventForm';
import { EventsList } from './EventsList';
import { PackageForm } from './PackageForm';
import { PackagesSection } from './PackagesSection';
import { loadTrainingArea } from './training-actions';
import { useTrainingStore } from './training-store';
import styles from './Training.module.css';

export function TrainingArea() {
  const [error, setError] = useState<string | null>(null);
  const loaded = useTrainingStore((s) => s.events !== null && s.packages !== null);
  const view = useTrainingStore((s) => s.view);
  const notice = useTrainingStore((s) => s.notice);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  useEffect(() => {
    loadTrainingArea().catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  return (
    <div className={styles.area}>
      <p className="lead">
        Training the service delivers to social care, health, education, the police, universities and conferences.
      </p>
      {error && <p className="form-error">{error}</p>}
      {!loaded && !error && <p role="status">Loading training…</p>}
      {loaded && view.kind === 'event' && <EventForm key={view.eventId ?? 'new'} eventId={view.eventId} />}
      {loaded && view.kind === 'package' && <PackageForm key={view.packageId ?? 'new'} packageId={view.packageId} />}
      {loaded && view.kind === 'list' && (
        <>
          {notice && <Notice>{notice}</Notice>}
          <EventsList canWrite={canWrite} />
          <PackagesSection canWrite={canWrite} />
        </>
      )}
    </div>
  );
}
