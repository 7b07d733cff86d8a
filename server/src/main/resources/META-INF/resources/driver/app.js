// The driver's app: sign in, then one page per part (hash routes), and the live stream of the driver's events.
'use strict';

import { createAuth } from '/shared/auth.js';
import { apply, languageSwitch, onLanguageChange, register, t } from '/shared/i18n.js';
import shared from '/shared/messages.js';
import { openStream } from '/shared/stream.js';
import { announce, clear, el, errorText, money } from '/shared/ui.js';
import messages from './messages.js';
import { cardsView, mandatesView, vehiclesView } from './enrol.js';
import { alertsView, chargeView, disputesView, disputeView, historyView, homeView } from './money.js';

register(shared);
register(messages);

const auth = createAuth({ app: 'driver', home: '/' });
const $ = (id) => document.getElementById(id);
const listeners = new Set();
let liveState = 'connecting';

/** What every view gets: the API, live events, navigation, and a way to say what happened. */
const ctx = {
  api: auth.api,
  auth,
  go: (route) => { window.location.hash = '#/' + route; },
  onLive(f) { listeners.add(f); return () => listeners.delete(f); },
  liveState: () => liveState,
};

const ROUTES = {
  home: homeView, vehicles: vehiclesView, cards: cardsView, mandates: mandatesView, history: historyView,
  charge: chargeView, disputes: disputesView, dispute: disputeView, alerts: alertsView,
};
const PARENT = { charge: 'history', dispute: 'disputes' };
let leave = null;

let routes = 0;

async function route() {
  const [name, arg] = (window.location.hash.replace(/^#\/?/, '') || 'home').split('/');
  const view = ROUTES[name] ? name : 'home';
  document.querySelectorAll('#tabs a').forEach((a) => {
    if (a.dataset.route === (PARENT[view] || view)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (leave) leave();
  leave = null;
  listeners.clear();
  // Each page renders into its own element: one still loading when the user moves on (its first fetch not back)
  // then fills a detached element instead of the next page, and its live listener is dropped.
  const mine = ++routes;
  const container = el('div', { class: 'page' });
  clear($('view'), container);
  $('error').textContent = '';
  let left = null;
  try {
    left = await ROUTES[view](container, ctx, arg) || null;
  } catch (e) {
    if (mine === routes) $('error').textContent = errorText(e);
  }
  if (mine !== routes) {
    if (left) left();
    return;
  }
  leave = left;
  apply(container);
  const heading = container.querySelector('h1');
  if (heading) document.title = heading.textContent + ' · PlatePay';
  $('main').focus({ preventScroll: true });
}

function signedIn(user) {
  if (!user.roles.includes('driver')) {
    $('error').textContent = t('signin.wrongRole', { role: t('role.driver') });
  }
  $('who').textContent = t('signin.as', { name: user.username });
  onLanguageChange(() => { $('who').textContent = t('signin.as', { name: user.username }); route(); });
  $('signed-out').hidden = true;
  $('sign-out').hidden = false;
  $('tabs').hidden = false;
  $('view').hidden = false;
  openStream(auth, '/api/v1/me/events', {
    onState: (state) => {
      liveState = state;
      document.querySelectorAll('[data-live-state]').forEach((b) => clear(b, el('span', { class: 'badge badge-' + state,
        text: t('live.' + state) })));
    },
    onEvent: (name, data) => {
      if (name === 'notification' && data) {
        if (data.charge) announce(t('live.announce', { amount: money(data.charge.amount, data.charge.currency),
          site: data.charge.siteName }));
        listeners.forEach((f) => f('notification', data));
      } else if (name === 'ready') {
        listeners.forEach((f) => f('ready', null));
      }
    },
  });
  window.addEventListener('hashchange', route);
  route();
}

document.addEventListener('DOMContentLoaded', () => {
  apply(document);
  languageSwitch($('language'));
  const fail = (e) => { $('error').textContent = errorText(e); };
  $('sign-in-driver').addEventListener('click', () => auth.start('auth').catch(fail));
  $('sign-up-driver').addEventListener('click', () => auth.start('registrations').catch(fail));
  $('sign-out').addEventListener('click', () => auth.signOut().catch(fail));
  auth.complete().then((user) => { if (user) signedIn(user); }).catch(fail);
});
