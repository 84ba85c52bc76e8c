/**
 * The sections of the Settings area. Each module that has something to show or set there
 * registers its section from its own folder (like the areas and the case tabs), so the Settings
 * screen names no section. Sections are drawn in order, each under its own heading.
 */
import type { ComponentType } from 'react';
import type { Role, SessionUser } from '../../../preload/contract';

/** What the Settings screen gives a section. */
export interface SettingsSectionProps {
  user: SessionUser;
}

export interface SettingsSectionDefinition {
  /** The section's id: its heading's id is `settings-<id>-heading`. */
  id: string;
  /** Where it sits on the screen: lower first. */
  order: number;
  /** The section's heading (an h2). */
  title: string;
  /** The section's body, drawn under its heading. */
  component: ComponentType<SettingsSectionProps>;
  /** Roles that see the section; all roles when absent. */
  roles?: readonly Role[];
}

const sections = new Map<string, SettingsSectionDefinition>();

/** Add a section (called once by its module). Returns how to remove it again (for tests). */
export function registerSettingsSection(section: SettingsSectionDefinition): () => void {
  sections.set(section.id, section);
  return () => {
    if (sections.get(section.id) === section) sections.delete(section.id);
  };
}

/** The sections a role sees, in order. */
export function settingsSectionsFor(role: Role): SettingsSectionDefinition[] {
  return [...sections.values()].filter((s) => !s.roles || s.roles.includes(role)).sort((a, b) => a.order - b.order);
}
