// A place on the home page for parking arrears (a parking debit was declined and the barrier opened anyway). The
// driver's arrears API (GET /api/v1/me/parking/arrears, POST .../{sessionId}/settle) is being built in parallel; until
// it is on main this slot only says where arrears will appear.
'use strict';

import { t } from '/shared/i18n.js';
import { el } from '/shared/ui.js';

export function arrearsSlot() {
  return el('section', { class: 'panel', id: 'arrears', 'aria-labelledby': 'arrears-title' },
    el('h2', { id: 'arrears-title', text: t('arrears.title') }), el('p', { class: 'meta', text: t('arrears.soon') }));
}
