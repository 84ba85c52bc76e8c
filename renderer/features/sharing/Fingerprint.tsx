import styles from './Fingerprint.module.css';

/**
 * A key fingerprint as people read it to each other: five groups of four characters, large,
 * in a font where 0/O and 1/I/l cannot be confused (the alphabet avoids them anyway).
 */
export function Fingerprint({ value, size = 'large' }: { value: string; size?: 'large' | 'normal' }) {
  const groups = value.split('-');
  return (
    <span className={`${styles.fingerprint} ${styles[size]}`} data-fingerprint={value}>
      {/* Read out group by group; the styled groups below are for the eye only. */}
      <span className="visually-hidden">{groups.join(' ')}</span>
      {groups.map((g, i) => (
        <span key={i} aria-hidden="true">
          {g}
        </span>
      ))}
    </span>
  );
}
