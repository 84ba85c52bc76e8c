/**
 * Areas whose modules are still to come. No fake data: each says what will appear in it. When
 * a module arrives it registers its own area from its folder, with the same id, and its line
 * here goes.
 */
import { registerArea } from './area-registry';

registerArea({
  id: 'reports',
  label: 'Reports',
  order: 80,
  summary: 'Clinical reports and service figures, produced as PDF or Word documents.',
  empty: 'No reports yet. Reports and service figures will appear here once there are records to report on.',
});
