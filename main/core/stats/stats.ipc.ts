/** The statistics channels' handlers (the measures register themselves from their modules). */
import type { statisticsChannels } from '../../../preload/contract/stats';
import type { HandlersFor } from '../ipc/router';
import { computeStatistics, exportStatistics } from './stats.service';

export const statisticsHandlers: HandlersFor<typeof statisticsChannels> = {
  'statistics:compute': (input, { manager }) => computeStatistics(manager.current(), input),
  'statistics:export': (input, { manager }) => exportStatistics(manager.current(), input),
};
