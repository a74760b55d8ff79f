// Composition root: wires state, API and views together.

import * as api from './api.js';
import { createState, viewFromHash } from './state.js';
import { createApp } from './app.js';

createApp({ api, state: createState(), viewFromHash, now: () => new Date() }).start();
