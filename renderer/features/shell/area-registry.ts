/**
 * The navigation areas of the signed-in app. Each area registers itself from its own folder
 * (`features/<area>/<area>.contribution.ts`, imported once from `./contributions.ts`), so the
 * shell and its navigation know no area by name. An area's screen is loaded on demand
 * (`React.lazy`), so each area is its own chunk and the first screen does not wait for them all.
 */
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role, SessionUser } from '../../../preload/contract';

/** What the shell gives an area's screen. */
export interface AreaProps {
  user: SessionUser;
}

export interface AreaDefinition {
  /** The id in the shell store and the link's fragment (`#cases`). */
  id: string;
  /** The navigation label and the page heading. */
  label: string;
  /** Where it sits in the navigation: lower first. */
  order: number;
  /** What the area is for, one sentence (shown above an empty area). */
  summary: string;
  /**
   * The screen, loaded on demand. An area without one (a module still to come) shows its
   * summary and its honest empty state instead.
   */
  component?: LazyExoticComponent<ComponentType<AreaProps>>;
  /** What will appear here once there is something to show (areas without a screen). */
  empty?: string;
  /** Roles that see the area in the navigation; all roles when absent. */
  roles?: readonly Role[];
  /** Set apart from the clinical areas in the navigation (e.g. Administration). */
  separate?: boolean;
}

const areas = new Map<string, AreaDefinition>();

/**
 * Add an area (called once by its contribution file). Registering an id again replaces it, so
 * a module that arrives replaces its planned area's empty state. Returns how to remove it
 * again (for tests).
 */
export function registerArea(area: AreaDefinition): () => void {
  areas.set(area.id, area);
  return () => {
    if (areas.get(area.id) === area) areas.delete(area.id);
  };
}

/** Every registered area, in navigation order. */
export function registeredAreas(): AreaDefinition[] {
  return [...areas.values()].sort((a, b) => a.order - b.order);
}

/** Whether a role may see an area. */
export function canSee(area: AreaDefinition, role: Role): boolean {
  return !area.roles || area.roles.includes(role);
}

/** The areas a role sees, in navigation order. */
export function areasFor(role: Role): AreaDefinition[] {
  return registeredAreas().filter((a) => canSee(a, role));
}

/**
 * The area to show: the stored one when the role may see it, else the first the role sees
 * (Home: e.g. after signing in as someone else). Undefined only when nothing is registered.
 */
export function areaToShow(stored: string, role: Role): AreaDefinition | undefined {
  const visible = areasFor(role);
  return visible.find((a) => a.id === stored) ?? visible[0];
}
