// @ts-check
// Composition root: wires state, API and views together.

import * as api from './api.js';
import { createState, routeFromHash } from './state.js';
import { createApp } from './app.js';

// Two marks on the page's own timeline, for the start-up benchmark to split its figure: every
// module read and run, then the journal read (the first screen follows).
performance.mark('nestling:scripts');
createApp({ api, state: createState(), routeFromHash, now: () => new Date() })
  .start()
  .then(() => performance.mark('nestling:journal'));
