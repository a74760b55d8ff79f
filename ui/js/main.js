// @ts-check
// Composition root: wires state, API and views together.

import * as api from './api.js';
import { createState, routeFromHash, viewFromHash } from './state.js';
import { createApp } from './app.js';

createApp({ api, state: createState(), viewFromHash, routeFromHash, now: () => new Date() }).start();
