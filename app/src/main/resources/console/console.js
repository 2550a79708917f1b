'use strict';

/*
 * Portcullis trader/operator console: login, market watch fed by the market stream, chart with indicators,
 * time and sales, positions and P&L, price alerts and trade-history search. Plain browser JavaScript, no
 * dependencies. Server data only ever reaches the page through textContent, never as HTML.
 */
(() => {
  const SESSION_KEY = 'portcullis.console.session';
  const BAR_MINUTES = 120;
  const TRADE_ROWS = 100;
  // Positions arrive on the stream and are re-marked here at each quote; the poll only resyncs (and each poll is an
  // audited API call, so it stays rare).
  const POSITIONS_EVERY_MS = 60000;
  const BARS_EVERY_MS = 60000;
  const RECONNECT_FIRST_MS = 1000;
  const RECONNECT_MAX_MS = 15000;
  const WS_BAD_TOKEN = 4401;
  const MAX_MESSAGES = 6;
  const MAX_TOASTS = 6;
  const NOTICE_MS = 5000;
  const MINUTE_MS = 60000;

  const $ = (id) => document.getElementById(id);

  const state = {
    session: null, // {user, token, expiresAt, roles}
    cancels: [], // stop the session's timers
    socket: null,
    reconnectTimer: null,
    backoffMs: RECONNECT_FIRST_MS,
    helloSeen: false, // a second hello means a reconnect: reload what the gap may have missed
    rows: new Map(), // symbol -> {tr, cells, quote, filled}
    selected: null,
    trades: [], // of the selected symbol, newest first
    chart: null, // {symbol, periods, bars, indicators} of the selected symbol
    hover: null, // crosshair position in CSS pixels {x, y}
    drawPending: false,
    positions: null,
    positionsAllowed: true,
    positionsBusy: false,
    alerts: [],
    search: null, // {params, next}: the last search, which "More" continues
  };

  // ---------------------------------------------------------------- small helpers

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  /** Text of a server value as it came: null and missing are empty. */
  function text(value) {
    if (value === null || value === undefined) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  function closeButton(onClose) {
    const button = el('button', 'close', '\u00d7');
    button.type = 'button';
    button.setAttribute('aria-label', 'Dismiss');
    button.addEventListener('click', onClose);
    return button;
  }

  /** 'up', 'down' or '' by the sign of a decimal string or number. */
  function signTone(value) {
    const number = parseFloat(value);
    if (number > 0) return 'up';
    return number < 0 ? 'down' : '';
  }

  function setTone(node, tone) {
    node.classList.toggle('up', tone === 'up');
    node.classList.toggle('down', tone === 'down');
  }

  // ---------------------------------------------------------------- decimals (prices stay strings)

  const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

  /** a - b exactly, on decimal strings ("268.47" - "267.9" = "+0.57"); null unless both are decimals. */
  function decimalChange(a, b) {
    const x = DECIMAL.exec(text(a));
    const y = DECIMAL.exec(text(b));
    if (!x || !y) return null;
    const scale = Math.max((x[3] || '').length, (y[3] || '').length);
    const diff = scaled(x, scale) - scaled(y, scale);
    const digits = (diff < 0n ? -diff : diff).toString().padStart(scale + 1, '0');
    const whole = digits.slice(0, digits.length - scale);
    const body = scale ? `${whole}.${digits.slice(-scale)}` : whole;
    if (diff > 0n) return `+${body}`;
    return diff < 0n ? `-${body}` : body;
  }

  /** The decimal matched by DECIMAL as a BigInt of `scale` fraction digits. */
  function scaled(match, scale) {
    const value = BigInt(match[2] + (match[3] || '').padEnd(scale, '0'));
    return match[1] === '-' ? -value : value;
  }

  function percentChange(last, open) {
    const l = parseFloat(last);
    const o = parseFloat(open);
    if (!Number.isFinite(l) || !Number.isFinite(o) || o === 0) return '';
    const fixed = (((l - o) / o) * 100).toFixed(2);
    if (fixed === '0.00' || fixed === '-0.00') return '0.00%';
    return fixed.startsWith('-') ? `${fixed}%` : `+${fixed}%`;
  }

  // ---------------------------------------------------------------- times (shown in local time)

  const FIX_TIMESTAMP = /^(\d{4})(\d{2})(\d{2})-(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
  const pad = (n) => String(n).padStart(2, '0');

  /** A Date from an ISO-8601 instant, a FIX UTCTimestamp (20261126-14:31:02.123) or epoch millis; else null. */
  function parseInstant(value) {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'number') return new Date(value);
    const fix = FIX_TIMESTAMP.exec(value);
    const ms = fix
      ? Date.UTC(+fix[1], fix[2] - 1, +fix[3], +fix[4], +fix[5], +fix[6], +(fix[7] || '0').padEnd(3, '0').slice(0, 3))
      : Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms);
  }

  const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const clock = (d, seconds) =>
    `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
  const isToday = (d) => isoDay(d) === isoDay(new Date());

  /** Local time with seconds, preceded by the date when it is not today; unparseable values as they came. */
  function formatStamp(value) {
    const date = parseInstant(value);
    if (!date) return text(value);
    return isToday(date) ? clock(date, true) : `${isoDay(date)} ${clock(date, true)}`;
  }

  function formatMinute(ms) {
    const date = new Date(ms);
    return isToday(date) ? clock(date, false) : `${isoDay(date)} ${clock(date, false)}`;
  }

  // ---------------------------------------------------------------- messages and toasts

  /** Shows a message on top of #messages; a repeat of a shown one counts up instead of stacking. */
  function showMessage(message, level) {
    const box = $('messages');
    const same = [...box.children].find((item) => item.dataset.text === message);
    if (same) {
      same.dataset.count = String(Number(same.dataset.count) + 1);
      same.querySelector('.message-count').textContent = `\u00d7${same.dataset.count}`;
      box.prepend(same);
      return;
    }
    const item = el('div', `message message-${level}`);
    item.dataset.text = message;
    item.dataset.count = '1';
    item.append(el('span', 'message-text', message), el('span', 'message-count'), closeButton(() => item.remove()));
    box.prepend(item);
    while (box.children.length > MAX_MESSAGES) box.lastElementChild.remove();
    if (level === 'notice') setTimeout(() => item.remove(), NOTICE_MS);
  }

  /** Shows a failure in #messages. Answers abandoned because the session ended are dropped on purpose. */
  function report(error, context) {
    if (error instanceof Abandoned) return;
    const detail = error instanceof ApiError ? error.message : `${error.name}: ${error.message}`;
    showMessage(`${context}: ${detail}`, 'error');
  }

  /** Alert toasts stay until dismissed: a trader must not miss one. */
  function showToast(alert) {
    const box = $('toasts');
    const toast = el('div', 'toast');
    toast.setAttribute('role', 'alert');
    const body = el('div', 'toast-text');
    body.append(
      el('strong', null, `Alert #${text(alert.id)}: ${text(alert.symbol)} ${text(alert.condition)} `
        + text(alert.price)),
      el('span', null, `traded ${text(alert.tradePrice)} at ${formatStamp(alert.triggeredAt)}`),
    );
    toast.append(body, closeButton(() => toast.remove()));
    box.prepend(toast);
    while (box.children.length > MAX_TOASTS) box.lastElementChild.remove();
  }

  // ---------------------------------------------------------------- HTTP

  /** A non-2xx answer; its message is the problem's title, detail and field. */
  class ApiError extends Error {
    constructor(status, title, detail, field) {
      let message = title || 'Error';
      if (detail) message += `: ${detail}`;
      if (field) message += ` (field: ${field})`;
      super(message);
      this.status = status;
      this.detail = detail;
    }
  }

  /** The session ended (401, logout) while the request was out: nobody wants the answer any more. */
  class Abandoned extends Error {}

  async function send(method, path, token, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const init = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      return await fetch(path, init);
    } catch (error) {
      throw new ApiError(0, `${method} ${path} failed`, `network error (${error.message})`);
    }
  }

  /** Calls the API with the session's token. A 401 ends the session and returns to the login form. */
  async function api(method, path, body) {
    const token = state.session?.token;
    if (!token) throw new Abandoned();
    let response;
    try {
      response = await send(method, path, token, body);
    } catch (error) {
      throw state.session?.token === token ? error : new Abandoned();
    }
    if (state.session?.token !== token) throw new Abandoned();
    if (response.status === 401) {
      endSession('Your session has expired or was revoked: please sign in again.');
      throw new Abandoned();
    }
    return readBody(response);
  }

  async function readBody(response) {
    if (!response.ok) throw await problemOf(response);
    const body = await response.text();
    if (!body) return null;
    try {
      return JSON.parse(body);
    } catch {
      throw new ApiError(response.status, 'Unreadable answer', `${response.url} did not answer JSON`);
    }
  }

  /** The ApiError of a problem+json answer, or of the status line and body start when it is not one. */
  async function problemOf(response) {
    const statusLine = `${response.status} ${response.statusText}`.trim();
    const body = await response.text().catch(() => '');
    try {
      const problem = JSON.parse(body);
      return new ApiError(response.status, problem.title || statusLine, problem.detail, problem.field);
    } catch {
      return new ApiError(response.status, statusLine, body.slice(0, 200));
    }
  }

  // ---------------------------------------------------------------- session

  function loadSession() {
    try {
      return JSON.parse(sessionStorage.getItem(SESSION_KEY));
    } catch {
      return null;
    }
  }

  async function onLogin(event) {
    event.preventDefault();
    const button = $('login-form').querySelector('button');
    const username = $('login-user').value;
    $('login-error').textContent = '';
    button.disabled = true;
    try {
      const answer = await readBody(await send('POST', '/api/auth/token', null, {
        username,
        password: $('login-password').value,
      }));
      if (!answer?.token) throw new ApiError(0, 'Login failed', 'the answer carries no token');
      $('login-password').value = '';
      beginSession({ user: username, token: answer.token, expiresAt: answer.expiresAt, roles: answer.roles || [] });
    } catch (error) {
      $('login-error').textContent = error instanceof ApiError ? error.message : `${error.name}: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  }

  async function onLogout() {
    let failure = null;
    try {
      await api('DELETE', '/api/auth/token');
    } catch (error) {
      failure = error;
    }
    endSession('');
    if (failure) report(failure, 'Log out');
  }

  function beginSession(session) {
    state.session = session;
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    startConsole();
  }

  /** Forgets the token, stops everything, clears the session's messages and shows the login form with `reason`. */
  function endSession(reason) {
    if (!state.session) return;
    state.session = null;
    sessionStorage.removeItem(SESSION_KEY);
    stopConsole();
    $('messages').replaceChildren();
    showLogin(reason);
  }

  function showLogin(reason) {
    $('app').hidden = true;
    $('login-view').hidden = false;
    $('logout').hidden = true;
    $('login-error').textContent = reason;
    $('login-user').focus();
  }

  function every(ms, task) {
    const id = setInterval(task, ms);
    state.cancels.push(() => clearInterval(id));
  }

  function after(ms, task) {
    const id = setTimeout(task, ms);
    state.cancels.push(() => clearTimeout(id));
  }

  function startConsole() {
    $('login-view').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = false;
    renderSessionInfo();
    connectStream();
    loadMarket();
    loadAlerts();
    refreshPositions();
    every(POSITIONS_EVERY_MS, pollPositions);
    every(BARS_EVERY_MS, loadBars);
    const left = Date.parse(state.session.expiresAt) - Date.now();
    if (left > 0 && left < 2 ** 31) after(left, () => endSession('Your session expired: please sign in again.'));
    scheduleDraw();
  }

  function stopConsole() {
    state.cancels.forEach((cancel) => cancel());
    state.cancels = [];
    closeStream();
    resetPanels();
  }

  function renderSessionInfo() {
    const { user, roles, expiresAt } = state.session;
    const until = parseInstant(expiresAt);
    const parts = [user, roles.join(', ')];
    if (until) parts.push(`until ${formatStamp(expiresAt)}`);
    $('session-info').textContent = parts.filter(Boolean).join(' \u00b7 ');
  }

  /** Empties every panel so that the next user sees nothing of the previous one. */
  function resetPanels() {
    Object.assign(state, {
      selected: null, trades: [], chart: null, hover: null, positions: null, positionsAllowed: true, alerts: [],
      search: null,
    });
    state.rows.clear();
    for (const id of ['market-table', 'trades-table', 'positions-table', 'alerts-table', 'search-table']) {
      $(id).tBodies[0].replaceChildren();
    }
    for (const id of ['chart-symbol', 'trades-symbol', 'positions-totals', 'search-status', 'session-info']) {
      $(id).textContent = '';
    }
    $('toasts').replaceChildren();
    $('positions-table').hidden = false;
    $('positions-note').hidden = true;
    $('search-note').hidden = true;
    $('search-more').hidden = true;
    refreshSymbolLists();
    scheduleDraw();
  }

  // ---------------------------------------------------------------- market stream

  function connectStream() {
    const token = state.session.token;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/market/stream`);
    state.socket = socket;
    state.reconnectTimer = null;
    setConnState('connecting\u2026', false);
    socket.onopen = () => socket.send(JSON.stringify({ token }));
    socket.onmessage = (event) => onStreamMessage(event.data);
    socket.onclose = onStreamClosed;
  }

  function onStreamClosed(event) {
    state.socket = null;
    if (event.code === WS_BAD_TOKEN) {
      endSession('The market stream refused the session: please sign in again.');
      return;
    }
    const delay = state.backoffMs;
    state.backoffMs = Math.min(delay * 2, RECONNECT_MAX_MS);
    setConnState(`reconnecting in ${delay / 1000} s`, false);
    state.reconnectTimer = setTimeout(connectStream, delay);
  }

  /** Closes the stream on purpose: no reconnect. */
  function closeStream() {
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = null;
    if (state.socket) {
      state.socket.onclose = null;
      state.socket.onmessage = null;
      state.socket.close();
      state.socket = null;
    }
    state.backoffMs = RECONNECT_FIRST_MS;
    state.helloSeen = false;
    setConnState('offline', false);
  }

  function setConnState(label, live) {
    const badge = $('conn-state');
    badge.textContent = label;
    badge.className = `conn ${live ? 'conn-live' : 'conn-down'}`;
  }

  function onStreamMessage(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      showMessage('Market stream: a message that is not JSON was ignored', 'error');
      return;
    }
    if (message.type === 'hello') onHello(message);
    else if (message.type === 'quote') {
      upsertQuote(message);
      markPositions(message.symbol, message.last);
    }
    else if (message.type === 'trade') onTrade(message);
    else if (message.type === 'alert') onAlert(message);
    else if (message.type === 'position') onPosition(message);
  }

  function onHello(message) {
    state.backoffMs = RECONNECT_FIRST_MS;
    setConnState('live', true);
    (message.symbols || []).forEach(ensureRow);
    ensureSelection();
    if (state.helloSeen) resync();
    state.helloSeen = true;
  }

  /** After a reconnect: what changed while the stream was down only the REST snapshots know. */
  function resync() {
    loadMarket();
    loadTrades();
    loadBars();
    loadAlerts();
    refreshPositions();
  }

  // ---------------------------------------------------------------- market watch

  function changeTone(quote) {
    return signTone(decimalChange(quote.last, quote.open));
  }

  // One entry per column, in the order of the <thead> of #market-table. flash: the cell flashes when it changes.
  const MARKET_COLUMNS = [
    { cls: 'text', show: (q) => text(q.symbol) },
    { flash: true, show: (q) => text(q.bidQty) },
    { flash: true, show: (q) => text(q.bid) },
    { flash: true, show: (q) => text(q.ask) },
    { flash: true, show: (q) => text(q.askQty) },
    { flash: true, show: (q) => text(q.last), tone: changeTone },
    { show: (q) => decimalChange(q.last, q.open) ?? '', tone: changeTone },
    { show: (q) => percentChange(q.last, q.open), tone: changeTone },
    { flash: true, show: (q) => text(q.open) },
    { flash: true, show: (q) => text(q.high) },
    { flash: true, show: (q) => text(q.low) },
    { flash: true, show: (q) => text(q.volume) },
    { flash: true, show: (q) => text(q.trades) },
    { show: (q) => formatStamp(q.updatedAt) },
  ];

  async function loadMarket() {
    try {
      const data = await api('GET', '/api/market');
      (data?.symbols || []).forEach(upsertQuote);
      ensureSelection();
    } catch (error) {
      report(error, 'Market watch');
    }
  }

  /** The row of `symbol`, created (in alphabetical place) when it is new. */
  function ensureRow(symbol) {
    const existing = state.rows.get(symbol);
    if (existing) return existing;
    const tr = el('tr');
    tr.dataset.symbol = symbol;
    tr.tabIndex = 0;
    const cells = MARKET_COLUMNS.map((column) => tr.appendChild(el('td', column.cls)));
    cells[0].textContent = symbol;
    tr.classList.toggle('selected', symbol === state.selected);
    const tbody = $('market-table').tBodies[0];
    tbody.insertBefore(tr, [...tbody.rows].find((row) => row.dataset.symbol > symbol) || null);
    const row = { tr, cells, quote: { symbol }, filled: false };
    state.rows.set(symbol, row);
    refreshSymbolLists();
    return row;
  }

  function upsertQuote(quote) {
    if (!quote.symbol) return;
    const row = ensureRow(quote.symbol);
    row.quote = { ...row.quote, ...quote };
    MARKET_COLUMNS.forEach((column, index) => {
      const cell = row.cells[index];
      const before = cell.textContent;
      const after = column.show(row.quote);
      if (column.tone) setTone(cell, column.tone(row.quote));
      if (before === after) return;
      cell.textContent = after;
      if (column.flash && row.filled) flash(cell, before, after);
    });
    row.filled = true;
  }

  /** Flashes a changed cell: up or down when both texts are numbers, neutral otherwise. */
  function flash(cell, before, after) {
    const a = parseFloat(before);
    const b = parseFloat(after);
    let name = 'flash';
    if (Number.isFinite(a) && Number.isFinite(b) && a !== b) name = b > a ? 'flash-up' : 'flash-down';
    cell.classList.remove('flash', 'flash-up', 'flash-down');
    void cell.offsetWidth; // forces a reflow so that the animation restarts when it is still running
    cell.classList.add(name);
  }

  function ensureSelection() {
    if (!state.selected) selectSymbol([...state.rows.keys()].sort()[0]);
  }

  function selectSymbol(symbol) {
    if (!symbol || symbol === state.selected) return;
    state.rows.get(state.selected)?.tr.classList.remove('selected');
    state.rows.get(symbol)?.tr.classList.add('selected');
    Object.assign(state, { selected: symbol, chart: null, hover: null, trades: [] });
    $('chart-symbol').textContent = symbol;
    $('trades-symbol').textContent = symbol;
    $('alert-symbol').value = symbol;
    renderTrades(null);
    scheduleDraw();
    loadBars();
    loadTrades();
  }

  /** The alert form's symbol choice and the search form's suggestions follow the market watch's symbols. */
  function refreshSymbolLists() {
    const symbols = [...state.rows.keys()].sort();
    const select = $('alert-symbol');
    const chosen = select.value || state.selected;
    select.replaceChildren(...symbols.map((symbol) => new Option(symbol, symbol)));
    if (chosen) select.value = chosen;
    $('symbol-list').replaceChildren(...symbols.map((symbol) => new Option(symbol, symbol)));
  }

  function onMarketClick(event) {
    const row = event.target.closest('tr[data-symbol]');
    if (row) selectSymbol(row.dataset.symbol);
  }

  function onMarketKey(event) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onMarketClick(event);
    }
  }

  // ---------------------------------------------------------------- time and sales

  async function loadTrades() {
    const symbol = state.selected;
    if (!symbol) return;
    try {
      const data = await api('GET', `/api/market/${encodeURIComponent(symbol)}/trades?limit=50`);
      if (symbol !== state.selected) return;
      state.trades = mergeTrades(state.trades, data?.trades || []);
      renderTrades(null);
    } catch (error) {
      report(error, `Trades ${symbol}`);
    }
  }

  /**
   * Both lists together, each trade once, newest first, at most TRADE_ROWS. Merging rather than replacing keeps
   * the trades the stream delivered while a request was out.
   */
  function mergeTrades(ours, theirs) {
    const byId = new Map();
    [...ours, ...theirs].forEach((trade) => byId.set(String(trade.tradeId), trade));
    return [...byId.values()].sort(newestFirst).slice(0, TRADE_ROWS);
  }

  function newestFirst(a, b) {
    return Date.parse(b.time) - Date.parse(a.time) || Number(b.tradeId) - Number(a.tradeId);
  }

  function onTrade(trade) {
    if (trade.symbol !== state.selected) return;
    if (state.trades.some((known) => String(known.tradeId) === String(trade.tradeId))) return;
    applyTradeToChart(trade);
    state.trades = mergeTrades([trade], state.trades);
    renderTrades(trade.tradeId);
  }

  /** Renders state.trades; the row of trade `flashId` (a new one from the stream) flashes. */
  function renderTrades(flashId) {
    const rows = state.trades.map((trade) => {
      const tr = el('tr', `side-${text(trade.aggressor).toLowerCase()}`);
      tr.append(
        el('td', 'text', formatStamp(trade.time)),
        el('td', null, text(trade.price)),
        el('td', null, text(trade.qty)),
        el('td', 'text side', text(trade.aggressor)),
      );
      if (flashId !== null && String(trade.tradeId) === String(flashId)) tr.classList.add('flash');
      return tr;
    });
    $('trades-table').tBodies[0].replaceChildren(...rows);
  }

  // ---------------------------------------------------------------- positions

  function pollPositions() {
    if (document.visibilityState === 'visible') refreshPositions();
  }

  async function refreshPositions() {
    if (!state.positionsAllowed || state.positionsBusy) return;
    state.positionsBusy = true;
    try {
      state.positions = await api('GET', '/api/positions');
      renderPositions();
    } catch (error) {
      if (error.status === 403) forbidPositions(error.detail);
      else report(error, 'Positions');
    } finally {
      state.positionsBusy = false;
    }
  }

  /**
   * A streamed position replaces its row at once and the totals are added up again. Before the first read has
   * answered there is nothing to update: that answer will have it.
   */
  function onPosition(position) {
    const list = state.positions?.positions;
    if (!list) return;
    const index = list.findIndex((p) => p.account === position.account && p.symbol === position.symbol);
    if (index < 0) list.push(position);
    else list[index] = position;
    state.positions.totals = totalsOf(list);
    renderPositions();
  }

  // Money and prices are exact decimal strings with at most 4 decimals: P&L is done in BigInt units of 1e-4, as the
  // server does in longs, so the console never shows a float's rounding.
  function units(decimal) {
    const [whole, fraction = ''] = String(decimal).split('.');
    const negative = whole.startsWith('-');
    const magnitude = BigInt(whole.replace('-', '') || '0') * 10000n + BigInt((fraction + '0000').slice(0, 4));
    return negative ? -magnitude : magnitude;
  }

  function decimal(unitsValue) {
    const negative = unitsValue < 0n;
    const magnitude = negative ? -unitsValue : unitsValue;
    const fraction = String(magnitude % 10000n).padStart(4, '0');
    return `${negative ? '-' : ''}${magnitude / 10000n}.${fraction}`;
  }

  /** Unrealized P&L at `last`: netQty x last - costBasis for a long, costBasis + netQty x last for a short. */
  function unrealized(position, last) {
    const qty = BigInt(position.netQty);
    if (qty === 0n || last === null || last === undefined || position.costBasis == null) return 0n;
    const marked = qty * units(last);
    return qty > 0n ? marked - units(position.costBasis) : units(position.costBasis) + marked;
  }

  /** A new last price re-marks every position in the symbol, and the totals. */
  function markPositions(symbol, last) {
    const list = state.positions?.positions;
    if (!list || last === null || last === undefined) return;
    let changed = false;
    for (const position of list) {
      if (position.symbol !== symbol || position.last === last) continue;
      const open = unrealized(position, last);
      position.last = last;
      position.unrealizedPnl = decimal(open);
      position.totalPnl = decimal(units(position.realizedPnl) + open);
      changed = true;
    }
    if (changed) {
      state.positions.totals = totalsOf(list);
      renderPositions();
    }
  }

  function totalsOf(list) {
    let realized = 0n;
    let open = 0n;
    for (const position of list) {
      realized += units(position.realizedPnl);
      open += units(position.unrealizedPnl);
    }
    return { realizedPnl: decimal(realized), unrealizedPnl: decimal(open), totalPnl: decimal(realized + open) };
  }

  /** Roles do not change during a session, so a 403 stops the polling until the next login. */
  function forbidPositions(detail) {
    state.positionsAllowed = false;
    $('positions-note').textContent = detail
      || 'positions need role OPERATIONS, RISK_OFFICER, BACK_OFFICE, COMPLIANCE, or BROKER_VIEWER of a broker firm';
    $('positions-note').hidden = false;
    $('positions-table').hidden = true;
    $('positions-totals').replaceChildren();
  }

  function renderPositions() {
    if (!state.positions) return;
    const filter = $('positions-filter').value.trim().toLowerCase();
    const shown = (state.positions.positions || []).filter((position) =>
      !filter || [position.account, position.symbol].some((value) => text(value).toLowerCase().includes(filter)));
    $('positions-table').tBodies[0].replaceChildren(...shown.map(positionRow));
    renderTotals(state.positions.totals);
  }

  function positionRow(position) {
    const tr = el('tr');
    tr.append(
      el('td', 'text', text(position.account)),
      el('td', 'text', text(position.firm)),
      el('td', 'text', text(position.symbol)),
      el('td', signTone(position.netQty), text(position.netQty)),
      el('td', null, text(position.avgPx)),
      el('td', null, text(position.last)),
      el('td', signTone(position.realizedPnl), text(position.realizedPnl)),
      el('td', signTone(position.unrealizedPnl), text(position.unrealizedPnl)),
      el('td', signTone(position.totalPnl), text(position.totalPnl)),
    );
    return tr;
  }

  /** The server's totals over all positions (the filter only narrows the rows shown). */
  function renderTotals(totals) {
    const box = $('positions-totals');
    if (!totals) {
      box.replaceChildren();
      return;
    }
    const parts = [el('span', 'muted', 'All positions')];
    for (const [label, key] of [['Realized', 'realizedPnl'], ['Unrealized', 'unrealizedPnl'], ['Total', 'totalPnl']]) {
      const part = el('span', null, `${label} `);
      part.append(el('span', signTone(totals[key]), text(totals[key])));
      parts.push(part);
    }
    box.replaceChildren(...parts);
  }

  // ---------------------------------------------------------------- price alerts

  async function loadAlerts() {
    try {
      const data = await api('GET', '/api/alerts');
      state.alerts = data?.alerts || [];
      renderAlerts();
    } catch (error) {
      report(error, 'Alerts');
    }
  }

  function renderAlerts() {
    $('alerts-table').tBodies[0].replaceChildren(...state.alerts.map(alertRow));
  }

  function alertRow(alert) {
    const tr = el('tr', alert.triggeredAt ? 'triggered' : null);
    tr.dataset.alertId = text(alert.id);
    const remove = el('button', null, 'Delete');
    remove.type = 'button';
    remove.addEventListener('click', () => deleteAlert(alert.id, remove));
    const actions = el('td');
    actions.append(remove);
    tr.append(
      el('td', null, text(alert.id)),
      el('td', 'text', text(alert.symbol)),
      el('td', 'text', text(alert.condition)),
      el('td', null, text(alert.price)),
      el('td', 'text', formatStamp(alert.createdAt)),
      el('td', 'text', formatStamp(alert.triggeredAt)),
      el('td', null, text(alert.tradePrice)),
      actions,
    );
    return tr;
  }

  async function onAlertSubmit(event) {
    event.preventDefault();
    const button = $('alert-form').querySelector('button[type="submit"]');
    const alert = {
      symbol: $('alert-symbol').value,
      condition: $('alert-condition').value,
      price: $('alert-price').value.trim(), // sent as typed: a decimal string, never a float
    };
    button.disabled = true;
    try {
      await api('POST', '/api/alerts', alert);
      $('alert-price').value = '';
      showMessage(`Alert set: ${alert.symbol} ${alert.condition} ${alert.price}`, 'notice');
      await loadAlerts();
    } catch (error) {
      report(error, 'New alert');
    } finally {
      button.disabled = false;
    }
  }

  async function deleteAlert(id, button) {
    button.disabled = true;
    try {
      await api('DELETE', `/api/alerts/${encodeURIComponent(id)}`);
      state.alerts = state.alerts.filter((alert) => String(alert.id) !== String(id));
      renderAlerts();
    } catch (error) {
      button.disabled = false;
      report(error, `Delete alert ${id}`);
    }
  }

  function onAlert(message) {
    showToast(message);
    const alert = state.alerts.find((known) => String(known.id) === String(message.id));
    if (!alert) {
      loadAlerts();
      return;
    }
    alert.triggeredAt = message.triggeredAt;
    alert.tradePrice = message.tradePrice;
    renderAlerts();
  }

  // ---------------------------------------------------------------- trade-history search

  // One entry per column, in the order of the <thead> of #search-table; a field an execution lacks stays empty.
  const SEARCH_COLUMNS = [
    { field: 'transactTime', cls: 'text', show: formatStamp },
    { field: 'symbol', cls: 'text' },
    { field: 'side', cls: 'text' },
    { field: 'lastQty' },
    { field: 'lastPx' },
    { field: 'account', cls: 'text' },
    { field: 'orderId', cls: 'text' },
    { field: 'execId', cls: 'text' },
    { field: 'clOrdId', cls: 'text' },
  ];

  async function onSearchSubmit(event) {
    event.preventDefault();
    state.search = { params: searchParams(), next: null };
    $('search-table').tBodies[0].replaceChildren();
    await fetchExecutions();
  }

  /** The form's criteria; empty ones are left out. */
  function searchParams() {
    const params = new URLSearchParams();
    const add = (name, value) => {
      if (value) params.set(name, value);
    };
    const instant = (local) => (local ? new Date(local).toISOString() : ''); // datetime-local is local time
    add('symbol', $('search-symbol').value.trim());
    add('account', $('search-account').value.trim());
    add('from', instant($('search-from').value));
    add('to', instant($('search-to').value));
    add('size', $('search-size').value.trim());
    return params;
  }

  /** Fetches the first page of state.search, or the next one when it has a cursor, and appends its rows. */
  async function fetchExecutions() {
    const search = state.search;
    const query = new URLSearchParams(search.params);
    if (search.next) query.set('cursor', search.next);
    const more = $('search-more');
    more.disabled = true;
    $('search-status').textContent = 'searching\u2026';
    try {
      const data = await api('GET', `/api/audit/executions?${query}`);
      if (state.search !== search) return; // a newer search replaced this one
      $('search-note').hidden = true;
      const tbody = $('search-table').tBodies[0];
      tbody.append(...(data?.executions || []).map(executionRow));
      search.next = data?.next || null;
      $('search-status').textContent = `${tbody.rows.length} shown${search.next ? ', more available' : ''}`;
    } catch (error) {
      if (state.search !== search) return;
      $('search-status').textContent = '';
      if (error.status === 403) showSearchForbidden(error.detail);
      else report(error, 'Trade history');
    } finally {
      if (state.search === search) {
        more.disabled = false;
        more.hidden = !search.next;
      }
    }
  }

  function showSearchForbidden(detail) {
    $('search-note').textContent = detail
      || 'trade history needs role COMPLIANCE or OPERATIONS, or BROKER_VIEWER of a broker firm (its own accounts)';
    $('search-note').hidden = false;
  }

  function executionRow(execution) {
    const tr = el('tr');
    tr.title = JSON.stringify(execution); // every field, for the ones without a column
    for (const column of SEARCH_COLUMNS) {
      const value = execution[column.field];
      tr.append(el('td', column.cls, column.show ? column.show(value) : text(value)));
    }
    return tr;
  }

  // ---------------------------------------------------------------- chart data

  // The indicators the chart asks for; `series` gives the keys of the answer's arrays for a period.
  const INDICATORS = [
    { id: 'sma', label: 'SMA', pane: 'price', series: (p) => [`sma:${p}`] },
    { id: 'ema', label: 'EMA', pane: 'price', series: (p) => [`ema:${p}`] },
    { id: 'bb', label: 'BB', pane: 'price', series: (p) => [`bb:${p}:upper`, `bb:${p}:middle`, `bb:${p}:lower`] },
    { id: 'rsi', label: 'RSI', pane: 'rsi', series: (p) => [`rsi:${p}`] },
  ];

  const isOn = (id) => $(`ind-${id}`).checked;

  /** The period of each indicator from its input, or null when one is not a valid whole number. */
  function readPeriods() {
    const periods = {};
    for (const { id } of INDICATORS) {
      const input = $(`ind-${id}-period`);
      const period = Number(input.value);
      if (!input.checkValidity() || !Number.isInteger(period) || period < 1) return null;
      periods[id] = period;
    }
    return periods;
  }

  /**
   * (Re)loads the bars of the selected symbol. All indicators are asked for, checked or not, so that the
   * checkboxes only redraw; a period change asks again.
   */
  async function loadBars() {
    const symbol = state.selected;
    if (!symbol) return;
    const periods = readPeriods();
    if (!periods) {
      showMessage('Chart: indicator periods must be whole numbers from 1 to 500', 'error');
      return;
    }
    const spec = INDICATORS.map(({ id }) => `${id}:${periods[id]}`).join(',');
    try {
      const data = await api('GET', `/api/market/${encodeURIComponent(symbol)}/bars?minutes=${BAR_MINUTES}`
        + `&indicators=${spec}`);
      if (symbol !== state.selected) return;
      const bars = (data?.bars || []).map((bar) => ({ ...bar, ms: Date.parse(bar.t) }));
      state.chart = { symbol, periods, bars, indicators: data?.indicators || {} };
      scheduleDraw();
    } catch (error) {
      report(error, `Chart ${symbol}`);
    }
  }

  /** Folds a streamed trade into the bar of its minute; indicators catch up at the next refetch. */
  function applyTradeToChart(trade) {
    const chart = state.chart;
    const minute = Math.floor(Date.parse(trade.time) / MINUTE_MS) * MINUTE_MS;
    if (!chart || chart.symbol !== trade.symbol || !chart.bars.length || Number.isNaN(minute)) return;
    const last = chart.bars[chart.bars.length - 1];
    if (minute === last.ms) extendBar(last, trade);
    else if (minute > last.ms) appendBar(chart, minute, trade);
    // A late trade of an older minute is left to the next refetch.
    scheduleDraw();
  }

  function extendBar(bar, trade) {
    const price = parseFloat(trade.price);
    if (price > parseFloat(bar.h)) bar.h = trade.price;
    if (price < parseFloat(bar.l)) bar.l = trade.price;
    bar.c = trade.price;
    bar.v = Number(bar.v) + Number(trade.qty);
  }

  function appendBar(chart, minute, trade) {
    const p = trade.price;
    chart.bars.push({ t: new Date(minute).toISOString(), ms: minute, o: p, h: p, l: p, c: p, v: Number(trade.qty) });
    const series = Object.values(chart.indicators);
    series.forEach((values) => values.push(null)); // still one entry per bar
    const oldest = minute - (BAR_MINUTES - 1) * MINUTE_MS; // the window stays BAR_MINUTES wide
    while (chart.bars[0].ms < oldest) {
      chart.bars.shift();
      series.forEach((values) => values.shift());
    }
  }

  // ---------------------------------------------------------------- chart drawing

  // Canvas colours; console.css uses the same ones for the indicator labels (--sma, --ema, --bb, --rsi).
  const STYLE = {
    background: '#151b23',
    grid: '#222b36',
    axisText: '#8592a3',
    crosshair: '#9aa7b8',
    label: '#2d3b4c',
    labelText: '#e6edf5',
    up: '#26a69a',
    down: '#ef5350',
    sma: '#f5c542',
    ema: '#42a5f5',
    bb: '#b388ff',
    rsi: '#ff9800',
    font: '11px ui-monospace, Menlo, Consolas, monospace',
  };
  const AXIS_WIDTH = 64;
  const TIME_AXIS_HEIGHT = 18;
  const PANE_GAP = 8;
  const MIN_SLOTS = 40; // a few bars do not become giant candles
  const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 240]; // minutes between time labels
  const TIME_LABEL_SPACING = 64; // wanted distance between time labels, in CSS pixels
  const TIME_LABEL_MIN_GAP = 44; // closer than this (minutes without bars) and two labels would touch

  const canvas = $('chart');

  function scheduleDraw() {
    if (state.drawPending) return;
    state.drawPending = true;
    requestAnimationFrame(() => {
      state.drawPending = false;
      drawChart();
    });
  }

  /** Sizes the backing store to the CSS box times devicePixelRatio; the context then draws in CSS pixels. */
  function prepareCanvas() {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const pixelsWide = Math.round(width * ratio);
    const pixelsHigh = Math.round(height * ratio);
    if (canvas.width !== pixelsWide || canvas.height !== pixelsHigh) {
      canvas.width = pixelsWide;
      canvas.height = pixelsHigh;
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = STYLE.background;
    ctx.fillRect(0, 0, width, height);
    ctx.font = STYLE.font;
    return { ctx, width, height };
  }

  function drawChart() {
    const { ctx, width, height } = prepareCanvas();
    const chart = state.chart;
    if (!chart || !chart.bars.length || width < AXIS_WIDTH * 2 || height < 100) {
      renderReadout(null, -1);
      return;
    }
    const view = chartView(chart, width, height);
    const hovered = state.hover ? indexAt(view, state.hover.x) : null;
    drawTimeAxis(ctx, view);
    drawValueAxis(ctx, view, view.price);
    drawValueAxis(ctx, view, view.volume);
    drawVolume(ctx, view);
    drawCandles(ctx, view);
    view.overlays.forEach(({ indicator, lines }) => lines.forEach((values, i) =>
      drawLine(ctx, view, view.price, values, STYLE[indicator.id], indicator.id === 'bb' && i === 1)));
    if (view.rsi) drawRsi(ctx, view);
    drawLastPrice(ctx, view);
    if (hovered !== null) drawCrosshair(ctx, view, hovered);
    renderReadout(view, hovered ?? chart.bars.length - 1);
  }

  /** Geometry and scales of one drawing: panes stacked price, volume, RSI (when on), time axis at the bottom. */
  function chartView(chart, width, height) {
    const right = width - AXIS_WIDTH;
    const bottom = height - TIME_AXIS_HEIGHT;
    const rsiLines = isOn('rsi') ? seriesOf(chart, INDICATORS.find((indicator) => indicator.pane === 'rsi')) : null;
    const usable = bottom - 4 - PANE_GAP * (rsiLines ? 2 : 1);
    const rsiHeight = rsiLines ? Math.round(usable * 0.2) : 0;
    const volumeHeight = Math.round(usable * 0.16);
    const priceBottom = 4 + usable - rsiHeight - volumeHeight;
    const bars = chart.bars.map((bar) => ({
      ms: bar.ms, o: parseFloat(bar.o), h: parseFloat(bar.h), l: parseFloat(bar.l), c: parseFloat(bar.c),
      v: Number(bar.v),
    }));
    const overlays = INDICATORS.filter((indicator) => indicator.pane === 'price' && isOn(indicator.id))
      .map((indicator) => ({ indicator, lines: seriesOf(chart, indicator) }));
    const [min, max] = priceRange(bars, overlays);
    const maxVolume = Math.max(1, ...bars.map((bar) => bar.v).filter(Number.isFinite));
    const slot = right / Math.max(bars.length, MIN_SLOTS);
    const offset = right - bars.length * slot; // bars are right-aligned: the newest at the price axis
    const volumeTop = priceBottom + PANE_GAP;
    return {
      chart, bars, overlays, right, bottom, slot, offset,
      x: (i) => offset + (i + 0.5) * slot,
      price: pane(4, priceBottom, min, max),
      volume: pane(volumeTop, volumeTop + volumeHeight, 0, maxVolume),
      rsi: rsiLines ? { ...pane(bottom - rsiHeight, bottom, 0, 100), values: rsiLines[0] } : null,
    };
  }

  /** The numeric arrays of an indicator as the loaded answer has them (empty when it has none). */
  function seriesOf(chart, indicator) {
    return indicator.series(chart.periods[indicator.id])
      .map((key) => (chart.indicators[key] || []).map((value) => (value === null ? NaN : parseFloat(value))));
  }

  /** A vertical scale: y() maps a value to a pixel row, value() the other way; ticks for the axis labels. */
  function pane(top, bottom, min, max) {
    const span = max - min || 1;
    const { ticks, decimals } = niceTicks(min, max, Math.max(2, Math.floor((bottom - top) / 40)));
    return {
      top, bottom, min, max, ticks, decimals,
      y: (value) => bottom - ((value - min) / span) * (bottom - top),
      value: (y) => min + ((bottom - y) / (bottom - top)) * span,
    };
  }

  function priceRange(bars, overlays) {
    let min = Infinity;
    let max = -Infinity;
    const take = (value) => {
      if (!Number.isFinite(value)) return;
      min = Math.min(min, value);
      max = Math.max(max, value);
    };
    bars.forEach((bar) => {
      take(bar.l);
      take(bar.h);
    });
    overlays.forEach(({ lines }) => lines.forEach((values) => values.forEach(take)));
    if (!Number.isFinite(min)) return [0, 1];
    const margin = (max - min) * 0.06 || Math.abs(max) * 0.001 || 1;
    return [min - margin, max + margin];
  }

  /** Round tick values (steps of 1, 2 or 5 times a power of ten) between min and max, about `count` of them. */
  function niceTicks(min, max, count) {
    const raw = (max - min) / count;
    if (!(raw > 0)) return { ticks: [], decimals: 0 };
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].find((m) => m * magnitude >= raw) * magnitude;
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    const ticks = [];
    for (let k = Math.ceil(min / step); k * step <= max; k++) ticks.push(k * step);
    return { ticks, decimals };
  }

  const crisp = (v) => Math.round(v) + 0.5; // 1 px lines on pixel centres stay sharp

  function line(ctx, x1, y1, x2, y2) {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  }

  function drawValueAxis(ctx, view, scale) {
    ctx.strokeStyle = STYLE.grid;
    ctx.fillStyle = STYLE.axisText;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    line(ctx, crisp(view.right), scale.top, crisp(view.right), scale.bottom);
    for (const tick of scale.ticks) {
      const y = crisp(scale.y(tick));
      line(ctx, 0, y, view.right, y);
      ctx.fillText(tick.toFixed(scale.decimals), view.right + 6, y);
    }
  }

  /** Vertical grid lines and HH:MM labels on round local minutes, far enough apart not to overlap. */
  function drawTimeAxis(ctx, view) {
    const step = TIME_STEPS.find((minutes) => minutes * view.slot >= TIME_LABEL_SPACING) ?? TIME_STEPS.at(-1);
    ctx.strokeStyle = STYLE.grid;
    ctx.fillStyle = STYLE.axisText;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const halfLabel = ctx.measureText('00:00').width / 2;
    let lastX = -Infinity;
    view.bars.forEach((bar, i) => {
      const date = new Date(bar.ms);
      const x = view.x(i);
      if ((date.getHours() * 60 + date.getMinutes()) % step !== 0 || x - lastX < TIME_LABEL_MIN_GAP) return;
      if (x < halfLabel || x + halfLabel > view.right) return; // a label cut by the edge helps nobody
      line(ctx, crisp(x), view.price.top, crisp(x), view.bottom);
      ctx.fillText(clock(date, false), x, view.bottom + 4);
      lastX = x;
    });
  }

  function drawCandles(ctx, view) {
    const { price } = view;
    const body = Math.max(1, Math.floor(view.slot * 0.7));
    view.bars.forEach((bar, i) => {
      if (![bar.o, bar.h, bar.l, bar.c].every(Number.isFinite)) return;
      const x = view.x(i);
      ctx.strokeStyle = ctx.fillStyle = bar.c >= bar.o ? STYLE.up : STYLE.down;
      line(ctx, crisp(x), price.y(bar.h), crisp(x), price.y(bar.l));
      const top = price.y(Math.max(bar.o, bar.c));
      const height = Math.max(1, price.y(Math.min(bar.o, bar.c)) - top);
      ctx.fillRect(Math.round(x - body / 2), top, body, height);
    });
  }

  function drawVolume(ctx, view) {
    const { volume } = view;
    const width = Math.max(1, Math.floor(view.slot * 0.7));
    ctx.globalAlpha = 0.55;
    view.bars.forEach((bar, i) => {
      if (!(bar.v > 0)) return;
      const top = volume.y(bar.v);
      ctx.fillStyle = bar.c >= bar.o ? STYLE.up : STYLE.down;
      ctx.fillRect(Math.round(view.x(i) - width / 2), top, width, volume.bottom - top);
    });
    ctx.globalAlpha = 1;
  }

  /** A line through the defined values (NaN leaves a gap). */
  function drawLine(ctx, view, scale, values, color, dashed) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.25;
    ctx.setLineDash(dashed ? [4, 3] : []);
    ctx.beginPath();
    let drawing = false;
    values.forEach((value, i) => {
      if (!Number.isFinite(value)) {
        drawing = false;
        return;
      }
      if (drawing) ctx.lineTo(view.x(i), scale.y(value));
      else ctx.moveTo(view.x(i), scale.y(value));
      drawing = true;
    });
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 1;
  }

  function drawRsi(ctx, view) {
    const { rsi } = view;
    ctx.strokeStyle = STYLE.grid;
    line(ctx, 0, crisp(rsi.top), view.right, crisp(rsi.top));
    line(ctx, crisp(view.right), rsi.top, crisp(view.right), rsi.bottom);
    ctx.fillStyle = STYLE.axisText;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.setLineDash([3, 3]);
    for (const level of [30, 70]) {
      const y = crisp(rsi.y(level));
      line(ctx, 0, y, view.right, y);
      ctx.fillText(String(level), view.right + 6, y);
    }
    ctx.setLineDash([]);
    drawLine(ctx, view, rsi, rsi.values, STYLE.rsi, false);
  }

  /** The last close on the price axis, in the server's own digits. */
  function drawLastPrice(ctx, view) {
    const bar = view.bars[view.bars.length - 1];
    if (!Number.isFinite(bar.c)) return;
    const shown = view.chart.bars[view.chart.bars.length - 1].c;
    axisLabel(ctx, view, view.price.y(bar.c), text(shown), bar.c >= bar.o ? STYLE.up : STYLE.down);
  }

  function axisLabel(ctx, view, y, label, background) {
    ctx.fillStyle = background;
    ctx.fillRect(view.right + 1, Math.round(y) - 8, AXIS_WIDTH - 1, 16);
    ctx.fillStyle = STYLE.labelText;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, view.right + 6, Math.round(y));
  }

  function drawCrosshair(ctx, view, index) {
    const mouseY = state.hover.y; // the vertical line follows the bar under the mouse, the horizontal the mouse
    const x = crisp(view.x(index));
    const scale = [view.price, view.volume, view.rsi].find((s) => s && mouseY >= s.top && mouseY <= s.bottom);
    ctx.strokeStyle = STYLE.crosshair;
    ctx.setLineDash([3, 3]);
    line(ctx, x, view.price.top, x, view.bottom);
    if (scale) line(ctx, 0, crisp(mouseY), view.right, crisp(mouseY));
    ctx.setLineDash([]);
    if (scale) {
      const decimals = scale === view.rsi ? 1 : scale.decimals + (scale === view.price ? 1 : 0);
      axisLabel(ctx, view, mouseY, scale.value(mouseY).toFixed(decimals), STYLE.label);
    }
    const time = clock(new Date(view.bars[index].ms), false);
    const labelWidth = ctx.measureText(time).width + 10;
    const left = Math.min(Math.max(0, x - labelWidth / 2), view.right - labelWidth);
    ctx.fillStyle = STYLE.label;
    ctx.fillRect(left, view.bottom + 1, labelWidth, TIME_AXIS_HEIGHT - 1);
    ctx.fillStyle = STYLE.labelText;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(time, left + labelWidth / 2, view.bottom + 4);
  }

  function indexAt(view, x) {
    if (x > view.right) return null;
    const index = Math.floor((x - view.offset) / view.slot);
    return index >= 0 && index < view.bars.length ? index : null;
  }

  /** OHLCV of the bar under the crosshair (else the last one) and the value of each indicator shown: the legend. */
  function renderReadout(view, index) {
    const box = $('chart-readout');
    if (!view) {
      let hint = 'Select a symbol in the market watch';
      if (state.selected) hint = state.chart ? `No bars in the last ${BAR_MINUTES} minutes` : 'Loading\u2026';
      box.replaceChildren(el('span', 'muted', hint));
      return;
    }
    const bar = view.chart.bars[index];
    const parts = [el('span', null, `${view.chart.symbol} ${formatMinute(bar.ms)}`)];
    for (const [label, key] of [['O', 'o'], ['H', 'h'], ['L', 'l'], ['C', 'c'], ['V', 'v']]) {
      parts.push(el('span', key === 'c' ? signTone(decimalChange(bar.c, bar.o)) : null, `${label} ${text(bar[key])}`));
    }
    for (const indicator of INDICATORS.filter((candidate) => isOn(candidate.id))) {
      const period = view.chart.periods[indicator.id];
      const values = indicator.series(period).map((key) => text(view.chart.indicators[key]?.[index]) || '\u2013');
      parts.push(el('span', `ind-${indicator.id}`, `${indicator.label}(${period}) ${values.join(' / ')}`));
    }
    box.replaceChildren(...parts);
  }

  function onChartMouse(event) {
    const box = canvas.getBoundingClientRect();
    state.hover = { x: event.clientX - box.left, y: event.clientY - box.top };
    scheduleDraw();
  }

  function onChartControl(event) {
    if (event.target.type === 'checkbox') scheduleDraw();
    else loadBars();
  }

  // ---------------------------------------------------------------- wiring

  function init() {
    $('login-form').addEventListener('submit', onLogin);
    $('logout').addEventListener('click', onLogout);
    $('market-table').tBodies[0].addEventListener('click', onMarketClick);
    $('market-table').tBodies[0].addEventListener('keydown', onMarketKey);
    $('chart-controls').addEventListener('change', onChartControl);
    canvas.addEventListener('mousemove', onChartMouse);
    canvas.addEventListener('mouseleave', () => {
      state.hover = null;
      scheduleDraw();
    });
    new ResizeObserver(scheduleDraw).observe($('chart-wrap'));
    window.addEventListener('resize', scheduleDraw); // also fires when zooming changes devicePixelRatio
    $('positions-filter').addEventListener('input', renderPositions);
    $('alert-form').addEventListener('submit', onAlertSubmit);
    $('search-form').addEventListener('submit', onSearchSubmit);
    $('search-more').addEventListener('click', fetchExecutions);
    document.addEventListener('visibilitychange', () => {
      if (state.session) pollPositions();
    });
    document.addEventListener('animationend', (event) =>
      event.target.classList.remove('flash', 'flash-up', 'flash-down'));

    const saved = loadSession();
    if (saved?.token) {
      state.session = saved;
      startConsole();
    } else {
      showLogin('');
    }
  }

  init();
})();
