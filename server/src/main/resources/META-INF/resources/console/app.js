// The operator console: sign in, then one page per part (hash routes) on the driver app's shared layout and
// modules, and the live stream of the operator's charges and plate reads. Admins get their own pages.
'use strict';

import { createAuth } from '/shared/auth.js';
import { apply, languageSwitch, onLanguageChange, register, t } from '/shared/i18n.js';
import shared from '/shared/messages.js';
import { openStream } from '/shared/stream.js';
import { announce, clear, el, errorText, money } from '/shared/ui.js';
import messages from './messages.js';
import { liveView } from './live.js';
import { reviewsView } from './reviews.js';
import { sitesView, staffView } from './sites.js';
import { chartsView, settlementView } from './money.js';
import { auditView, operatorsView, stuckView, attendantChargesView } from './admin.js';

register(shared);
register(messages);

const auth = createAuth({ app: 'staff', home: '/console/' });
const $ = (id) => document.getElementById(id);
const listeners = new Set();
let liveState = 'connecting';

const ctx = {
  api: auth.api,
  auth,
  go: (route) => { window.location.hash = '#/' + route; },
  onLive(f) { listeners.add(f); return () => listeners.delete(f); },
  liveState: () => liveState,
};

const PAGES = {
  operator: [['live', liveView], ['reviews', reviewsView], ['sites', sitesView], ['staff', staffView],
    ['settlement', settlementView], ['charts', chartsView]],
  admin: [['operators', operatorsView], ['stuck', stuckView], ['audit', auditView], ['reviews', reviewsView]],
  attendant: [['recent', attendantChargesView]],
};
const ROLE_ORDER = ['admin', 'operator', 'attendant'];
let role = null;
let leave = null;

let routes = 0;

async function route() {
  const pages = PAGES[role];
  const [name, arg] = (window.location.hash.replace(/^#\/?/, '') || pages[0][0]).split('/');
  const page = pages.find(([n]) => n === name) || pages[0];
  document.querySelectorAll('#tab-list a').forEach((a) => {
    if (a.dataset.route === page[0]) a.setAttribute('aria-current', 'page');
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
    left = await page[1](container, { ...ctx, role }, arg) || null;
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

function tabs() {
  clear($('tab-list'), PAGES[role].map(([name]) => el('li', {}, el('a', { href: '#/' + name, 'data-route': name, text: t('nav.' + name) }))));
}

function showLiveState(state) {
  liveState = state;
  clear($('live-state'), el('span', { class: 'badge badge-' + state, text: t('live.' + state) }));
}

function signedIn(user) {
  role = ROLE_ORDER.find((r) => user.roles.includes(r));
  const who = () => { $('who').textContent = t('signin.as', { name: user.username }) + (role ? ' (' + t('role.' + role) + ')' : ''); };
  who();
  $('signed-out').hidden = true;
  $('sign-out').hidden = false;
  $('view').hidden = false;
  if (!role) {
    $('view').append(el('p', { class: 'form-error', text: t('console.noRole') }));
    return;
  }
  $('tabs').hidden = false;
  tabs();
  onLanguageChange(() => { who(); tabs(); showLiveState(liveState); route(); });
  if (role === 'operator') {
    $('live-state').hidden = false;
    openStream(auth, '/api/v1/operator/console/events', {
      onState: showLiveState,
      onEvent: (name, data) => {
        if (name === 'charge' && data && data.status === 'APPROVED') {
          announce(t('live.announce', { amount: money(data.amount, data.currency), site: data.siteName }));
        }
        if (['charge', 'read', 'check', 'device', 'ready'].includes(name)) listeners.forEach((f) => f(name, data));
      },
    });
  }
  window.addEventListener('hashchange', route);
  route();
}

document.addEventListener('DOMContentLoaded', () => {
  apply(document);
  languageSwitch($('language'));
  const fail = (e) => { $('error').textContent = errorText(e); };
  $('sign-in-staff').addEventListener('click', () => auth.start('auth').catch(fail));
  $('sign-out').addEventListener('click', () => auth.signOut().catch(fail));
  auth.complete().then((user) => { if (user) signedIn(user); }).catch(fail);
});
