// The dashboard for a sales manager: asks once for an access token (kept for the browser session), then draws the
// tier summary of the period picked, in English or Chinese. It reads the same portal API as any client. In Azure it
// signs people in with Microsoft Entra ID (MSAL.js, see signin.js); on the local stack the dev host's development
// issuer lists its demo people, and a click signs in as one of them; anyone may paste a token.
import { chartOn, drawn, flow, heatmap, pareto, percent, pyramid } from './charts.js';
import { entraSignIn } from './signin.js';
import { texts } from './texts.js';

const TOKEN = 'customer-tiering.token';
const DEV_ISSUER = '/.dev-issuer';
const LANGUAGE = 'customer-tiering.language';
const $ = id => document.getElementById(id);
const state = {
  token: sessionStorage.getItem(TOKEN),
  language: sessionStorage.getItem(LANGUAGE) === 'zh' ? 'zh' : 'en',
  period: null, group: '', measure: 'customers', summary: null,
};

class SignInRefused extends Error {}
class NotAllowed extends Error {}

/** The API's answer to a GET with the token and the language; a refusal or a problem thrown. */
async function request(path) {
  const response = await fetch(path, {
    headers: { Authorization: `Bearer ${state.token ?? ''}`, 'Accept-Language': state.language === 'zh' ? 'zh-CN' : 'en' },
  });
  if (response.status === 401) throw new SignInRefused();
  if (response.status === 403) throw new NotAllowed();
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`);
  }
  return response;
}

const api = async path => (await request(path)).json();

const t = () => texts[state.language];
const money = n => Number(n).toLocaleString(state.language === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 0 });

function applyTexts() {
  document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = t()[element.dataset.text];
  for (const button of document.querySelectorAll('[data-language]')) button.setAttribute('aria-pressed', String(button.dataset.language === state.language));
  for (const button of document.querySelectorAll('[data-measure]')) button.setAttribute('aria-pressed', String(button.dataset.measure === state.measure));
  document.title = t().title;
}

function showLogin(message = '') {
  $('board').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
  document.body.dataset.state = 'login';
  $('token').focus();
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
  document.body.dataset.state = 'error';
}

async function guarded(work) {
  try {
    $('error').hidden = true;
    await work();
  } catch (error) {
    if (error instanceof SignInRefused || error instanceof NotAllowed) {
      signOut();
      showLogin(error instanceof SignInRefused ? t().signInRefused : t().notAllowed);
    } else {
      showError(error.message);
    }
  }
}

async function loadPeriods() {
  const periods = await api('/api/periods');
  if (periods.length === 0) return showError(t().noPeriod);
  $('period').replaceChildren(...periods.map(p => new Option(p.period, p.period)));
  state.period = periods.some(p => p.period === state.period) ? state.period : (periods.find(p => p.current) ?? periods[0]).period;
  $('period').value = state.period;
  await render();
}

async function render() {
  document.body.dataset.state = 'loading';
  const query = `period=${encodeURIComponent(state.period)}`;
  const group = state.group ? `&group=${encodeURIComponent(state.group)}` : '';
  const summary = await api(`/api/tiers/summary?${query}${group}`);
  const top = summary.tiers[0]?.group ?? '';
  const region = summary.groupBy === 'region' && state.group ? `&region=${encodeURIComponent(state.group)}` : '';
  const [stars, orphans] = await Promise.all([
    api(`/api/customers?${query}${region}&risingStar=true&pageSize=10`),
    api(`/api/customers?${query}${region}&tier=${encodeURIComponent(top)}&owner=none&pageSize=10`),
  ]);
  state.summary = summary;
  $('login').hidden = true;
  $('board').hidden = false;
  showGroups(summary);
  showTiles(summary);
  showTable(summary);
  showCredit(summary);
  showList($('warnings'), summary.warnings, w => w.text);
  showList($('stars'), stars.items, c => `${c.id} ${c.name ?? ''} · ${c.grade.tier} · ${money(c.grade.netRevenue)}`);
  showList($('orphans'), orphans.items, c => `${c.id} ${c.name ?? ''} · ${c.grade.tier} · ${money(c.grade.netRevenue)}`);
  drawCharts();
  $('scope-note').hidden = summary.scope !== 'book';
  Object.assign(document.body.dataset, { state: 'ready', period: summary.period, language: state.language, group: state.group, scope: summary.scope });
}

function drawCharts() {
  const summary = state.summary;
  const words = t();
  chartOn($('chart-pyramid')).setOption(pyramid(summary, words), true);
  chartOn($('chart-pareto')).setOption(pareto(summary, words), true);
  chartOn($('chart-flow')).setOption(flow(summary, words), true);
  chartOn($('chart-heatmap')).setOption(heatmap(summary, words, state.measure), true);
}

/** The period's customers (the caller's scope: a rep gets her book) as a file: fetched with the token, then saved. */
async function download(format) {
  const response = await request(`/api/customers?period=${encodeURIComponent(state.period)}&format=${format}`);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `customers.${format}`;
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await response.blob()), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

function showGroups(summary) {
  $('group-picker').hidden = !summary.groups;
  if (!summary.groups) return;
  $('group').replaceChildren(new Option(t().allGroups, ''), ...summary.groups.map(g => new Option(`${g.group} (${g.customers})`, g.group)));
  $('group').value = state.group;
}

function showTiles(summary) {
  $('tile-customers').textContent = summary.customers.toLocaleString();
  $('tile-revenue').textContent = money(summary.revenue);
  $('tile-top20').textContent = summary.kpis ? percent(summary.kpis.concentration.top20Percent) : '—';
  $('tile-stars').textContent = summary.risingStars?.toLocaleString() ?? '—';
  const forecast = summary.forecast;
  $('tile-risk').textContent = forecast?.customers ? forecast.riskBands.high.toLocaleString() : '—';
  $('tile-expected').textContent = forecast?.customers ? money(forecast.expectedRevenue) : '—';
}

/** Customers of each value tier per credit grade: a VIP who pays late is a risk, not a prize. */
function showCredit(summary) {
  const credit = summary.credit;
  const grades = credit?.grades.map(g => g.group) ?? [];
  const header = document.createElement('tr');
  header.append(...[t().tier, ...grades.map(g => t()[g] ?? g)].map(text => Object.assign(document.createElement('th'), { textContent: text })));
  $('credit').tHead.replaceChildren(header);
  $('credit').tBodies[0].replaceChildren(...(credit ? summary.tiers.map(tier => {
    const row = document.createElement('tr');
    row.dataset.tier = tier.group;
    const counts = credit.byTier[tier.group] ?? {};
    row.append(Object.assign(document.createElement('td'), { textContent: tier.group }),
      ...grades.map(g => Object.assign(document.createElement('td'), { textContent: (counts[g] ?? 0).toLocaleString() })));
    return row;
  }) : []));
}

function showTable(summary) {
  const kpis = new Map((summary.kpis?.tiers ?? []).map(k => [k.group, k]));
  const cell = (text, value) => Object.assign(document.createElement('td'), { textContent: text, title: String(value ?? '') });
  $('tiers').tBodies[0].replaceChildren(...summary.tiers.map(tier => {
    const k = kpis.get(tier.group);
    const row = document.createElement('tr');
    row.dataset.tier = tier.group;
    row.append(
      cell(tier.group, tier.group),
      cell(tier.customers.toLocaleString(), tier.customers),
      cell(percent(tier.revenueShare), tier.revenueShare),
      cell(k ? money(k.meanRevenue) : '—', k?.meanRevenue),
      cell(k ? money(k.medianRevenue) : '—', k?.medianRevenue),
      cell(k?.retention == null ? '—' : percent(k.retention), k?.retention),
      cell(k?.churn == null ? '—' : percent(k.churn), k?.churn));
    return row;
  }));
}

function showList(list, items, text) {
  list.replaceChildren(...(items.length
    ? items.map(item => Object.assign(document.createElement('li'), { textContent: text(item) }))
    : [Object.assign(document.createElement('li'), { textContent: t().none, className: 'empty' })]));
}

function signIn(token) {
  state.token = token;
  sessionStorage.setItem(TOKEN, token);
  guarded(loadPeriods);
}

function signOut() {
  sessionStorage.removeItem(TOKEN);
  state.token = null;
}

// Only the dev host answers here; in Azure the request is a 404 and the page asks for a token.
async function offerDemoUsers() {
  const response = await fetch(`${DEV_ISSUER}/users`).catch(() => null);
  if (!response?.ok) return;
  const users = await response.json();
  $('demo-user-buttons').replaceChildren(...users.map(user => {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: `${user.name} (${user.roles.join(', ')})` });
    button.dataset.user = user.user;
    button.addEventListener('click', async () => {
      const issued = await fetch(`${DEV_ISSUER}/token`, { method: 'POST', body: new URLSearchParams({ user: user.user }) });
      signIn((await issued.json()).access_token);
    });
    return button;
  }));
  $('demo-users').hidden = false;
}

async function offerEntra() {
  const entra = await entraSignIn().catch(error => { showLogin(error.message); return null; });
  if (!entra) return;
  $('entra').hidden = false;
  $('entra-sign-in').addEventListener('click', () => entra.signIn());
  // Back from the sign-in page, or signed in before in this session: a token without asking.
  const token = await entra.token().catch(() => null);
  if (token) signIn(token);
}

function start() {
  applyTexts();
  offerDemoUsers();
  offerEntra();
  $('login').addEventListener('submit', event => {
    event.preventDefault();
    const token = $('token').value.trim();
    $('token').value = '';
    signIn(token);
  });
  $('sign-out').addEventListener('click', () => {
    signOut();
    showLogin();
  });
  for (const button of document.querySelectorAll('[data-format]')) {
    button.addEventListener('click', () => guarded(() => download(button.dataset.format)));
  }
  $('period').addEventListener('change', () => { state.period = $('period').value; guarded(render); });
  $('group').addEventListener('change', () => { state.group = $('group').value; guarded(render); });
  for (const button of document.querySelectorAll('[data-language]')) {
    button.addEventListener('click', () => {
      state.language = button.dataset.language;
      sessionStorage.setItem(LANGUAGE, state.language);
      applyTexts();
      if (state.summary) guarded(render); // warnings and "new" come back from the API in the language asked for
    });
  }
  for (const button of document.querySelectorAll('[data-measure]')) {
    button.addEventListener('click', () => {
      state.measure = button.dataset.measure;
      applyTexts();
      if (state.summary) chartOn($('chart-heatmap')).setOption(heatmap(state.summary, t(), state.measure), true);
    });
  }
  window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach(element => chartOn(element).resize()));
  if (state.token) guarded(loadPeriods);
  else showLogin();
}

// For the browser test and for anyone curious in the console: how many marks each chart drew.
window.customerTiering = { drawn: () => Object.fromEntries([...document.querySelectorAll('.chart')].map(element => [element.id, drawn(element)])) };

start();
