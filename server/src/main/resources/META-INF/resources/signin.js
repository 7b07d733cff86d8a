// PlatePay sign-in page: OAuth 2.0 authorisation code flow with PKCE (S256) against Keycloak, then a read-only view
// of what the signed-in user may see. The access token stays in memory only; reloading the page signs in again.
'use strict';

const VIEWS = {
  driver: [['Vehicles', '/api/v1/me/vehicles', ['plate', 'colour']],
           ['Mandates', '/api/v1/me/mandates', ['plate', 'status', 'perChargeCap', 'dailyCap', 'categories']],
           ['Charges', '/api/v1/me/charges', ['createdAt', 'plate', 'amount', 'currency', 'status', 'reasonCode', 'maskedCard']],
           ['Notifications', '/api/v1/me/notifications', ['createdAt', 'title', 'body']]],
  operator: [['Sites', '/api/v1/operator/sites', ['name', 'category', 'id']],
             ['Attendants', '/api/v1/operator/attendants', ['username', 'status', 'siteIds']],
             ['Charges', '/api/v1/operator/charges', ['createdAt', 'plate', 'amount', 'currency', 'status', 'reasonCode']]],
  attendant: [['My sites', '/api/v1/attendant/sites', ['name', 'category']],
              ['Charges in the last 24 hours', '/api/v1/attendant/charges', ['createdAt', 'plate', 'amount', 'currency', 'status', 'reasonCode']]],
  admin: [['Audit log', '/api/v1/admin/audit', ['at', 'actorName', 'actorRole', 'action', 'resourceType', 'detail']],
          ['Charges', '/api/v1/admin/charges', ['createdAt', 'plate', 'amount', 'status', 'reasonCode']]],
};
const ROLE_ORDER = ['admin', 'operator', 'attendant', 'driver'];
let accessToken = null;

const $ = (id) => document.getElementById(id);
const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => window.location.origin + '/';

async function config() {
  const response = await fetch('/api/v1/sign-in-config');
  if (!response.ok) throw new Error('the server did not give its sign-in settings (' + response.status + ')');
  return response.json();
}

async function startSignIn(clientId, endpoint) {
  const cfg = await config();
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('platepay.pkce', JSON.stringify({ verifier, state, clientId }));
  const params = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri(), response_type: 'code',
    scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256' });
  window.location.assign(cfg.issuer + '/protocol/openid-connect/' + endpoint + '?' + params);
}

async function finishSignIn(code, state) {
  const saved = JSON.parse(sessionStorage.getItem('platepay.pkce') || 'null');
  sessionStorage.removeItem('platepay.pkce');
  history.replaceState(null, '', '/');
  if (!saved || saved.state !== state) throw new Error('the sign-in answer does not match a sign-in started here; try again');
  const cfg = await config();
  const response = await fetch(cfg.issuer + '/protocol/openid-connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(),
      client_id: saved.clientId, code_verifier: saved.verifier }),
  });
  if (!response.ok) throw new Error('Keycloak refused the sign-in code (' + response.status + ')');
  const tokens = await response.json();
  accessToken = tokens.access_token;
  sessionStorage.setItem('platepay.session', JSON.stringify({ clientId: saved.clientId, idToken: tokens.id_token }));
  return claims(accessToken);
}

function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

async function showViews(user) {
  const roles = (user.realm_access && user.realm_access.roles) || [];
  const role = ROLE_ORDER.find((r) => roles.includes(r));
  $('who').textContent = 'Signed in as ' + user.preferred_username + (role ? ' (' + role + ')' : ' (no PlatePay role)');
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
  const views = $('views');
  for (const [title, path, columns] of VIEWS[role] || []) {
    const heading = document.createElement('h2');
    heading.textContent = title;
    views.appendChild(heading);
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + accessToken } });
    views.appendChild(response.ok ? table(await response.json(), columns) : problem(response.status, await response.text()));
  }
}

function table(rows, columns) {
  if (rows.length === 0) {
    const empty = document.createElement('p');
    empty.textContent = 'None yet.';
    return empty;
  }
  const t = document.createElement('table');
  const head = t.insertRow();
  columns.forEach((c) => { const th = document.createElement('th'); th.textContent = c; head.appendChild(th); });
  rows.forEach((row) => {
    const tr = t.insertRow();
    columns.forEach((c) => { tr.insertCell().textContent = Array.isArray(row[c]) ? row[c].join(', ') : (row[c] ?? ''); });
  });
  return t;
}

function problem(status, body) {
  const p = document.createElement('p');
  p.className = 'problem';
  p.textContent = 'HTTP ' + status + ': ' + body;
  return p;
}

async function signOut() {
  const cfg = await config();
  const session = JSON.parse(sessionStorage.getItem('platepay.session') || '{}');
  sessionStorage.removeItem('platepay.session');
  const params = new URLSearchParams({ client_id: session.clientId || cfg.driverClientId, post_logout_redirect_uri: redirectUri() });
  if (session.idToken) params.set('id_token_hint', session.idToken);
  window.location.assign(cfg.issuer + '/protocol/openid-connect/logout?' + params);
}

function fail(error) {
  $('error').textContent = error.message || String(error);
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-driver').onclick = () => config().then((c) => startSignIn(c.driverClientId, 'auth')).catch(fail);
  $('sign-up-driver').onclick = () => config().then((c) => startSignIn(c.driverClientId, 'registrations')).catch(fail);
  $('sign-in-staff').onclick = () => config().then((c) => startSignIn(c.staffClientId, 'auth')).catch(fail);
  $('sign-out').onclick = () => signOut().catch(fail);
  const query = new URLSearchParams(window.location.search);
  if (query.get('error')) {
    history.replaceState(null, '', '/');
    fail(new Error('sign-in failed: ' + (query.get('error_description') || query.get('error'))));
  } else if (query.get('code')) {
    finishSignIn(query.get('code'), query.get('state')).then(showViews).catch(fail);
  }
});
