/** The Home channel's handler. */
import type { homeChannels } from '../../../preload/contract/home';
import type { HandlersFor } from '../ipc/router';
import { homeSummary } from './home.service';

export const homeHandlers: HandlersFor<typeof homeChannels> = {
  'home:summary': (_input, { manager }) => homeSummary(manager.current()),
};
