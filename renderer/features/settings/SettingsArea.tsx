/** The Settings area: each registered section the signed-in role may see, under its heading. */
import type { SessionUser } from '../../../preload/contract';
import { settingsSectionsFor } from './settings-sections';
import './settings-sections.contribution';

export function SettingsArea({ user }: { user: SessionUser }) {
  return (
    <>
      <p className="lead">About this vault, and the settings that apply to this laptop.</p>
      {settingsSectionsFor(user.role).map(({ id, title, component: Section }) => (
        <section key={id} className="section" aria-labelledby={`settings-${id}-heading`}>
          <h2 id={`settings-${id}-heading`}>{title}</h2>
          <Section user={user} />
        </section>
      ))}
    </>
  );
}
