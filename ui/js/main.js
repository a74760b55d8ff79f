// @ts-check
// Composition root: wires state, API and views together.

import * as api from './api.js';
import { createState, routeFromHash } from './state.js';
import { createApp } from './app.js';

createApp({ api, state: createState(), routeFromHash, now: () => new Date() }).start();
