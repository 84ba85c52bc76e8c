/**
 * "Not answered yet: legal status, placement ..." at the top of the Overview, so a clinician
 * sees what the case file still lacks and can answer it from here. Nothing shows when every
 * question has an answer ("Not known" counts as one).
 */
import type { CaseDetail } from '../../../../preload/contract';
import styles from './UnansweredNotice.module.css';
import { unansweredQuestions, unansweredSentence } from './unanswered';

export function UnansweredNotice({ detail, onAnswer }: { detail: CaseDetail; onAnswer?: () => void }) {
  const questions = unansweredQuestions(detail);
  const sentence = unansweredSentence(questions);
  if (!sentence) return null;
  return (
    <div className={`notice ${styles.row}`} role="note" aria-label="Questions not answered yet">
      <p className={styles.text}>
        <strong>Not answered yet:</strong> {sentence}.
        {questions.parentalResponsibility.length > 0 && ' Parental responsibility is recorded on the People tab.'}
      </p>
      {onAnswer && questions.youngPerson.length > 0 && (
        <button type="button" className="button button--secondary button--small" onClick={onAnswer}>
          Complete the young person’s details
        </button>
      )}
    </div>
  );
}
