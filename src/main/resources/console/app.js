// The operator console: a thin client of the admin API. Every action here is one documented admin API
// call; the bearer token lives in this tab's sessionStorage and travels only in the Authorization header.

const TOKEN_KEY = 'noko-console-token';
const main = document.getElementById('main');
const live = document.getElementById('live');
const REPORT_PAGE = 50;
const TYPES = { preschool: 'дошкольные', school: 'общеобразовательные', vocational: 'профессиональные',
  additional: 'дополнительного образования', higher: 'высшие' };
const LEVELS = { results: 'итоговая таблица', raw_inputs: 'исходные данные', answers: 'анкеты', expert: 'экспертный чек-лист' };
const JOB_STATUS = { queued: 'в очереди', running: 'обрабатывается', succeeded: 'проверена', failed: 'не прочитана',
  cancelled: 'отменена' };

let me = null;

class Unauthorized extends Error {}

class ApiError extends Error {
  constructor(message, problems = []) {
    super(message);
    this.problems = problems;
  }
}

// ---- DOM helpers: text always goes in as text, never as markup ----

function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// replaces a node's content; null, false and undefined children are left out
function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

function show(title, ...children) {
  document.title = title + ' — консоль НОКО';
  fill(main, h('h1', null, title), children);
  main.focus();
}

function say(text) {
  live.textContent = text;
}

function message(kind, text, problems) {
  return h('div', { class: 'message ' + kind, role: kind === 'error' ? 'alert' : null }, text,
    problems && problems.length ? h('ul', null, problems.map(p => h('li', null,
      [p.field || p.column, p.row ? 'строка ' + p.row : null].filter(Boolean).join(', ') + (p.field || p.row ? ': ' : ''),
      p.message))) : null);
}

function field(label, input, hint) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2));
  input.id = id;
  return h('div', null, h('label', { for: id }, label), hint ? h('p', { class: 'hint', id: id + '-hint' }, hint) : null, input);
}

// a wide table scrolls sideways inside its own keyboard-focusable box, named after the table's caption
function scroller(table) {
  const caption = table.querySelector('caption');
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption ? caption.textContent : 'Таблица' }, table);
}

const number = value => value === null || value === undefined ? '' :
  Number(value).toLocaleString('ru-RU', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const dateTime = value => value ? new Date(value).toLocaleString('ru-RU') : '';

// ---- the admin API ----

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function api(path, options = {}) {
  const headers = { Authorization: 'Bearer ' + token(), Accept: options.accept || 'application/json' };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(path, { method: options.method || 'GET', headers, body, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    throw new ApiError('Сервис не отвечает. Проверьте соединение и повторите.');
  }
  if (response.status === 401) throw new Unauthorized();
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function problemOf(response) {
  try {
    const problem = await response.json();
    return new ApiError(problem.detail || problem.title || 'Ошибка ' + response.status, problem.errors || []);
  } catch (e) {
    return new ApiError('Сервис ответил ошибкой ' + response.status + '.');
  }
}

const getJson = async path => (await api(path)).json();

// Every view runs through this: a revoked or expired token brings the sign-in back with a clear message.
async function guarded(work, place) {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Unauthorized) {
      signOut('Сеанс завершён: токен больше не действует (отозван, истёк или неизвестен). Войдите снова.');
    } else if (place) {
      fill(place, message('error', e.message, e.problems));
    } else {
      main.append(message('error', e.message, e.problems));
    }
    return undefined;
  }
}

async function download(path, fallbackName) {
  const response = await api(path, { accept: '*/*' });
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: match ? match[1] : fallbackName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// ---- sign-in and out ----

function signInView(notice) {
  document.getElementById('nav').hidden = true;
  const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true,
    'aria-describedby': 'token-hint' });
  const errors = h('div');
  const form = h('form', { id: 'sign-in', onsubmit: async event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    try {
      me = await getJson('/api/v1/admin/me');
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      fill(errors, message('error', e instanceof Unauthorized
        ? 'Токен не принят: он неизвестен или отозван. Проверьте, что он скопирован целиком.' : e.message));
      input.focus();
      return;
    }
    enter();
  } },
  field('Токен доступа', input, 'Токен выдаёт администратор. Он хранится только в этой вкладке и забывается при выходе или закрытии вкладки.'),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Войти')));
  show('Вход', notice ? message('info', notice) : null, errors, form);
  input.focus();
}

function signOut(notice) {
  sessionStorage.removeItem(TOKEN_KEY);
  me = null;
  if (location.hash && location.hash !== '#/') history.replaceState(null, '', '#/');
  signInView(notice || 'Вы вышли. Токен забыт в этой вкладке.');
}

function enter() {
  document.getElementById('nav').hidden = false;
  for (const link of document.querySelectorAll('[data-admin]')) link.hidden = me.role !== 'admin';
  document.getElementById('who').textContent = me.name + (me.role === 'admin' ? ' (администратор)' :
    ' (оператор, регионы ' + me.regions.join(', ') + ')');
  route();
}

// ---- routing (the hash holds only the view, never a secret) ----

function route() {
  if (!token()) return signInView();
  if (!me) {
    return guarded(async () => {
      me = await getJson('/api/v1/admin/me');
      enter();
    });
  }
  const path = location.hash.replace(/^#/, '') || '/';
  let m;
  if (path === '/new') return newCampaignView();
  if ((m = /^\/campaigns\/(\d+)$/.exec(path))) return campaignView(Number(m[1]));
  if (path === '/tokens' && me.role === 'admin') return tokensView();
  if (path === '/audit' && me.role === 'admin') return auditView();
  return campaignsView();
}

// ---- campaigns ----

function statusText(c) {
  if (c.status === 'draft') return c.revisions_count ? 'черновик' : 'черновик';
  if (c.status === 'published') return 'опубликована, редакция ' + c.published_revision;
  return 'отозвана';
}

function uploadText(u) {
  if (!u) return 'загрузок нет';
  const result = u.status !== 'succeeded' ? JOB_STATUS[u.status] :
    u.errors_count ? 'ошибок: ' + u.errors_count : 'без ошибок' + (u.warnings_count ? ', предупреждений: ' + u.warnings_count : '');
  return [u.source_name, dateTime(u.created_at), result, u.published_revision ? 'опубликована как редакция ' + u.published_revision : null]
    .filter(Boolean).join(' · ');
}

async function campaignsView(page = 1) {
  await guarded(async () => {
    const list = await getJson('/api/v1/admin/campaigns?per_page=50&page=' + page);
    const rows = list.data.map(c => h('tr', { 'data-campaign': c.id },
      h('td', null, h('a', { href: '#/campaigns/' + c.id }, c.title)),
      h('td', null, c.region_code), h('td', { class: 'num' }, c.year),
      h('td', null, c.types.length ? c.types.map(t => TYPES[t] || t).join(', ') : 'все'),
      h('td', null, statusText(c)),
      h('td', { class: 'num' }, c.last_upload ? c.last_upload.organizations : '—'),
      h('td', null, uploadText(c.last_upload))));
    show('Кампании',
      h('p', null, me.role === 'admin' ? 'Кампании всех регионов.' : 'Кампании ваших регионов: ' + me.regions.join(', ') + '.'),
      h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/new' }, 'Новая кампания')),
      list.data.length ? scroller(h('table', { id: 'campaigns' },
        h('caption', { class: 'visually-hidden' }, 'Кампании'),
        h('thead', null, h('tr', null, ['Кампания', 'Регион', 'Год', 'Типы', 'Статус', 'Организаций', 'Последняя загрузка']
          .map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', null, rows))) : h('p', null, 'Кампаний пока нет.'),
      pager(list.meta, p => campaignsView(p)));
  });
}

function pager(meta, go) {
  const pages = meta.pages || Math.max(1, Math.ceil(meta.total / meta.per_page));
  if (pages <= 1) return null;
  return h('nav', { class: 'pager', 'aria-label': 'Страницы' },
    h('button', { type: 'button', class: 'secondary', disabled: meta.page <= 1, onclick: () => go(meta.page - 1) }, 'Назад'),
    h('span', null, 'Страница ' + meta.page + ' из ' + pages),
    h('button', { type: 'button', class: 'secondary', disabled: meta.page >= pages, onclick: () => go(meta.page + 1) }, 'Дальше'));
}

function newCampaignView() {
  const text = (name, label, hint, extra) => field(label, h('input', Object.assign({ type: 'text', name, id: 'c-' + name }, extra)), hint);
  const date = (name, label) => field(label, h('input', { type: 'date', name, id: 'c-' + name }));
  const region = me.role === 'admin'
    ? text('region_code', 'Код региона', 'Две цифры, как в ИНН (59 — Пермский край)', { required: true, pattern: '[0-9]{2}', inputmode: 'numeric' })
    : field('Регион', h('select', { name: 'region_code', id: 'c-region_code' }, me.regions.map(r => h('option', { value: r }, r))));
  const errors = h('div');
  const form = h('form', { id: 'new-campaign', novalidate: true, onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(form);
    const input = { types: data.getAll('types') };
    for (const [key, value] of data.entries()) {
      if (key === 'types' || value === '') continue;
      input[key] = key === 'year' ? Number(value) : value;
    }
    await guarded(async () => {
      const created = await (await api('/api/v1/admin/campaigns', { method: 'POST', json: input })).json();
      say('Черновик создан');
      location.hash = '#/campaigns/' + created.id;
    }, errors);
    if (errors.firstChild) errors.focus();
  } },
  h('div', { class: 'grid' }, region,
    field('Год', h('input', { type: 'number', name: 'year', id: 'c-year', min: 2014, max: 2100, required: true, value: new Date().getFullYear() }))),
  text('title', 'Название', null, { required: true, minlength: 3, maxlength: 500 }),
  h('fieldset', null, h('legend', null, 'Типы организаций (ни одного — все)'),
    Object.entries(TYPES).map(([code, name]) => h('label', { class: 'inline' },
      h('input', { type: 'checkbox', name: 'types', value: code }), name))),
  h('div', { class: 'grid' },
    text('methodology', 'Методика', 'Пусто — действующая в году кампании (edu-2019 с 2019 года)'),
    text('operator_name', 'Организация-оператор'),
    text('regional_order_number', 'Номер регионального приказа'),
    date('regional_order_date', 'Дата приказа'),
    date('survey_started_on', 'Начало анкетирования'),
    date('survey_finished_on', 'Окончание анкетирования'),
    date('bus_gov_deadline', 'Срок размещения на bus.gov.ru'),
    date('started_on', 'Начало кампании'),
    date('finished_on', 'Окончание кампании')),
  text('council_protocol', 'Протокол общественного совета'),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Создать черновик'), h('a', { href: '#/' }, 'Отмена')));
  errors.tabIndex = -1;
  show('Новая кампания', errors, form);
}

async function campaignView(id) {
  await guarded(async () => {
    const c = await getJson('/api/v1/admin/campaigns/' + id);
    const facts = [['Регион', c.region_code], ['Год', c.year], ['Статус', statusText(c)],
      ['Типы', c.types.length ? c.types.map(t => TYPES[t] || t).join(', ') : 'все'], ['Методика', c.methodology],
      ['Оператор', c.operator_name], ['Приказ', [c.regional_order_number, c.regional_order_date].filter(Boolean).join(' от ')],
      ['Анкетирование', [c.survey_started_on, c.survey_finished_on].filter(Boolean).join(' — ')],
      ['Срок bus.gov.ru', c.bus_gov_deadline], ['Протокол совета', c.council_protocol],
      ['Опубликована', dateTime(c.published_at)], ['Отозвана', c.retracted_at ? dateTime(c.retracted_at) + ': ' + c.retraction_reason : null]]
      .filter(([, v]) => v !== null && v !== undefined && v !== '');
    const report = h('section', { id: 'report-section', 'aria-labelledby': 'report-title' });
    show(c.title,
      h('p', null, h('a', { href: '#/' }, '← Все кампании')),
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', null, k), h('dd', null, String(v))])),
      c.status === 'retracted' ? null : uploadSection(c, report),
      report,
      c.status === 'retracted' ? null : previewSection(c),
      c.status === 'published' ? retractSection(c) : null,
      c.published_revision ? changesSection(c, c.published_revision) : null,
      c.status === 'published' ? busGovSection(c) : null);
    if (c.current_upload) renderJob(report, c.current_upload);
  });
}

// ---- upload with progress, then the job's report ----

function uploadSection(c, report) {
  const input = h('input', { type: 'file', id: 'upload-file', accept: '.csv,.json,text/csv,application/json' });
  const level = h('select', { id: 'upload-level' }, h('option', { value: '' }, 'определить по столбцам'),
    Object.entries(LEVELS).map(([code, name]) => h('option', { value: code }, name)));
  const dryRun = h('input', { type: 'checkbox', id: 'upload-dry-run' });
  const transfer = h('progress', { id: 'transfer-progress', max: 100, value: 0, 'aria-label': 'Передача файла' });
  const processing = h('progress', { id: 'job-progress', max: 100, value: 0, 'aria-label': 'Обработка строк' });
  const status = h('p', { id: 'upload-status', role: 'status' });
  const button = h('button', { type: 'submit', id: 'upload-button' }, 'Загрузить');
  const chosen = h('p', { class: 'hint', id: 'upload-chosen' }, 'Файл не выбран');
  let file = null;
  const choose = f => {
    file = f;
    chosen.textContent = f ? 'Выбран файл: ' + f.name + ' (' + Math.ceil(f.size / 1024) + ' КБ)' : 'Файл не выбран';
  };
  input.addEventListener('change', () => choose(input.files[0] || null));
  const drop = h('div', { class: 'drop', id: 'upload-drop' },
    h('p', null, 'Перетащите сюда файл CSV или JSON или выберите его:'), field('Файл', input), chosen);
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) choose(e.dataTransfer.files[0]);
  });
  const form = h('form', { id: 'upload-form', onsubmit: async event => {
    event.preventDefault();
    if (!file) {
      status.textContent = 'Сначала выберите файл.';
      return;
    }
    button.disabled = true;
    transfer.value = 0;
    processing.value = 0;
    try {
      const job = await send(c.id, file, level.value, dryRun.checked, transfer, status);
      const finished = await follow(job, processing, status);
      if (finished.status === 'succeeded' && !finished.dry_run) {
        // the campaign changed (its current upload, preview, what can be published): show it anew
        await campaignView(c.id);
        document.getElementById('report-title')?.focus();
      } else {
        renderJob(report, finished);
      }
      say('Загрузка ' + JOB_STATUS[finished.status] + ': ошибок ' + finished.errors_count + ', предупреждений ' + finished.warnings_count);
    } catch (e) {
      if (e instanceof Unauthorized) return guarded(() => { throw e; });
      fill(status, message('error', e.message, e.problems));
    } finally {
      button.disabled = false;
    }
  } },
  drop,
  h('div', { class: 'grid' }, field('Что в файле', level),
    h('div', null, h('label', { class: 'inline', for: 'upload-dry-run' }, dryRun, 'Только проверить (ничего не сохранять)'))),
  h('div', { class: 'actions' }, button),
  h('div', null, h('span', { id: 'transfer-label' }, 'Передача'), transfer, h('span', { id: 'job-label' }, 'Обработка строк'), processing),
  status);
  return h('section', { 'aria-labelledby': 'upload-title' },
    h('h2', { id: 'upload-title' }, c.status === 'published' ? 'Исправление: новая загрузка' : 'Загрузка файла'),
    h('p', { class: 'hint' }, 'CSV в UTF-8 или Windows-1251 с разделителем «,», «;» или табуляцией, заголовки по-русски или кодами; или JSON. '
      + 'Ничего не публикуется до нажатия «Опубликовать».'),
    form);
}

// XMLHttpRequest rather than fetch: only it reports the upload's progress.
function send(campaignId, file, level, dryRun, progress, status) {
  const query = new URLSearchParams({ source_name: file.name.slice(0, 200) });
  if (level) query.set('level', level);
  if (dryRun) query.set('dry_run', 'true');
  const json = /\.json$/i.test(file.name) || file.type === 'application/json';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/admin/campaigns/' + campaignId + '/uploads?' + query);
    xhr.setRequestHeader('Authorization', 'Bearer ' + token());
    xhr.setRequestHeader('Content-Type', json ? 'application/json' : 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.timeout = 30 * 60 * 1000;
    xhr.upload.onprogress = e => {
      if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total);
    };
    xhr.onload = () => {
      progress.value = 100;
      if (xhr.status === 401) return reject(new Unauthorized());
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status === 200 || xhr.status === 202) return resolve(body);
      reject(new ApiError(body && (body.detail || body.title) || 'Сервис ответил ошибкой ' + xhr.status, body && body.errors || []));
    };
    xhr.onerror = () => reject(new ApiError('Передача прервалась. Проверьте соединение и повторите.'));
    xhr.ontimeout = () => reject(new ApiError('Передача не закончилась за 30 минут.'));
    status.textContent = 'Передаётся ' + file.name + '…';
    xhr.send(file);
  });
}

// Polls the job until it finishes: the pause grows from 0.5 s to at most 3 s, and the wait ends after 30 minutes.
async function follow(job, progress, status) {
  const deadline = Date.now() + 30 * 60 * 1000;
  let pause = 500;
  while (job.status === 'queued' || job.status === 'running') {
    if (job.rows_total) {
      progress.max = job.rows_total;
      progress.value = job.rows_processed;
    }
    status.textContent = 'Обработано строк: ' + job.rows_processed + (job.rows_total ? ' из ' + job.rows_total : '');
    if (Date.now() > deadline) throw new ApiError('Обработка идёт дольше 30 минут; откройте кампанию позже.');
    await new Promise(resolve => setTimeout(resolve, pause));
    pause = Math.min(3000, pause * 1.5);
    job = await getJson('/api/v1/admin/jobs/' + job.id);
  }
  progress.max = Math.max(1, job.rows_total || job.rows_processed || 1);
  progress.value = progress.max;
  status.textContent = 'Файл ' + (job.source_name || '') + ': ' + JOB_STATUS[job.status] + (job.dry_run ? ' (только проверка)' : '')
    + ', ошибок: ' + job.errors_count + ', предупреждений: ' + job.warnings_count + '.';
  return job;
}

function renderJob(place, job) {
  const parts = [h('h2', { id: 'report-title', tabindex: -1 }, 'Отчёт о проверке' + (job.dry_run ? ' (только проверка)' : '')),
    h('p', { id: 'report-summary' }, (job.source_name ? job.source_name + ': ' : '') + JOB_STATUS[job.status]
      + ' · строк: ' + (job.rows_total ?? job.rows_processed) + ' · организаций: ' + job.organizations
      + ' · ошибок: ' + job.errors_count + ' · предупреждений: ' + job.warnings_count)];
  if (job.failure) parts.push(message('error', job.failure));
  if (job.detected) parts.push(detectedView(job.detected));
  if (job.errors_count + job.warnings_count > 0) parts.push(reportTable(job));
  else if (job.status === 'succeeded') parts.push(message('ok', 'Ошибок и предупреждений нет.'));
  fill(place, ...parts);
}

function detectedView(d) {
  const delimiter = { ';': '«;» (точка с запятой)', ',': '«,» (запятая)', tab: 'табуляция' }[d.delimiter] || d.delimiter;
  return h('div', { id: 'detected' },
    h('h3', null, 'Что распознано'),
    h('dl', { class: 'facts' },
      h('dt', null, 'Формат'), h('dd', null, d.format.toUpperCase()),
      d.encoding ? [h('dt', null, 'Кодировка'), h('dd', { id: 'detected-encoding' }, d.encoding + (d.bom ? ' (с BOM)' : ''))] : null,
      d.delimiter ? [h('dt', null, 'Разделитель'), h('dd', { id: 'detected-delimiter' }, delimiter)] : null,
      d.decimal_separator ? [h('dt', null, 'Десятичный знак'), h('dd', null, '«' + d.decimal_separator + '»')] : null,
      h('dt', null, 'Содержимое'), h('dd', null, (LEVELS[d.level] || d.level) + (d.level_detected ? ' (определено по столбцам)' : ''))),
    scroller(h('table', { id: 'column-mapping' },
      h('caption', { class: 'visually-hidden' }, 'Столбцы файла и поля'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, '№'), h('th', { scope: 'col' }, 'Столбец в файле'), h('th', { scope: 'col' }, 'Поле'))),
      h('tbody', null, d.columns.map(col => h('tr', null, h('td', { class: 'num' }, col.position), h('td', null, col.header),
        h('td', null, col.field ? h('code', null, col.field) : 'не используется')))))));
}

// The report: grouped by row, the offending cell's column and value marked, filtered and paged in the browser.
function reportTable(job) {
  // the column as the operator's file names it, with the field it maps to
  const headers = new Map((job.detected ? job.detected.columns : []).filter(c => c.field).map(c => [c.field, c.header]));
  const columnName = p => {
    const column = p.column || p.field;
    if (!column) return '—';
    return headers.has(column) && headers.get(column) !== column ? headers.get(column) + ' (' + column + ')' : column;
  };
  const items = [...job.errors.map(p => ({ ...p, severity: 'error' })), ...job.warnings.map(p => ({ ...p, severity: 'warning' }))];
  const kinds = [...new Set(items.map(p => p.code).filter(Boolean))].sort();
  const severity = h('select', { id: 'report-severity' }, h('option', { value: '' }, 'ошибки и предупреждения'),
    h('option', { value: 'error' }, 'только ошибки'), h('option', { value: 'warning' }, 'только предупреждения'));
  const kind = h('select', { id: 'report-kind' }, h('option', { value: '' }, 'все виды'), kinds.map(k => h('option', { value: k }, k)));
  const body = h('div');
  let page = 1;
  const render = () => {
    const chosen = items.filter(p => (!severity.value || p.severity === severity.value) && (!kind.value || p.code === kind.value));
    const groups = new Map();
    for (const p of chosen) {
      const key = p.row ?? 0;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(p);
    }
    const keys = [...groups.keys()].sort((a, b) => a - b);
    const pages = Math.max(1, Math.ceil(keys.length / REPORT_PAGE));
    page = Math.min(page, pages);
    const shown = keys.slice((page - 1) * REPORT_PAGE, page * REPORT_PAGE);
    fill(body, 
      h('p', { class: 'hint' }, 'Проблем: ' + chosen.length + ' в ' + keys.length + ' строках' +
        (job.errors_omitted + job.warnings_omitted ? '; ещё ' + (job.errors_omitted + job.warnings_omitted) + ' не показаны (первые 5000 каждого вида)' : '')),
      scroller(h('table', { id: 'report' },
        h('caption', { class: 'visually-hidden' }, 'Проблемы по строкам файла'),
        h('thead', null, h('tr', null, ['Вид', 'Столбец', 'Значение', 'Сообщение', 'Код'].map(t => h('th', { scope: 'col' }, t)))),
        shown.map(key => h('tbody', { 'data-row': key },
          h('tr', { class: 'group' }, h('th', { colspan: 5, scope: 'rowgroup' }, key ? 'Строка ' + key : 'Файл целиком')),
          groups.get(key).map(p => h('tr', { class: 'problem ' + p.severity },
            h('td', null, h('span', { class: 'tag ' + p.severity }, p.severity === 'error' ? 'ошибка' : 'предупреждение')),
            h('td', null, columnName(p)),
            h('td', { class: p.severity === 'error' ? 'cell-bad' : 'cell-warn' }, p.value !== undefined && p.value !== null
              ? h('mark', { class: 'offending' }, p.value === '' ? '(пусто)' : p.value) : '—'),
            h('td', { class: 'problem-message' }, p.message),
            h('td', null, p.code ? h('code', null, p.code) : ''))))))),
      pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Страницы отчёта' },
        h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => { page--; render(); } }, 'Назад'),
        h('span', null, 'Страница ' + page + ' из ' + pages),
        h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => { page++; render(); } }, 'Дальше')) : null);
  };
  severity.addEventListener('change', () => { page = 1; render(); });
  kind.addEventListener('change', () => { page = 1; render(); });
  render();
  return h('div', null,
    h('div', { class: 'grid' }, field('Показать', severity), field('Вид проблемы', kind)),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'report-csv', onclick: () =>
      guarded(() => download('/api/v1/admin/jobs/' + job.id + '/report.csv', 'report.csv')) }, 'Скачать отчёт для Excel (CSV)')),
    body);
}

// ---- preview and publishing ----

function previewSection(c) {
  if (!c.publishable) {
    return h('section', { 'aria-labelledby': 'publish-title' }, h('h2', { id: 'publish-title' }, 'Публикация'),
      h('p', { id: 'publish-state' }, c.current_upload && c.current_upload.errors_count
        ? 'Публиковать нечего: в текущей загрузке есть ошибки. Исправьте файл и загрузите его снова.'
        : 'Публиковать нечего: загрузите файл, проверенный без ошибок.'));
  }
  const note = h('textarea', { id: 'publish-note', rows: 2, maxlength: 1000 });
  const errors = h('div');
  const upload = c.current_upload;
  const next = (c.revisions_count || 0) + 1;
  const ranking = h('div', { id: 'preview-place' }, h('p', null, 'Загрузка…'));
  const sort = h('select', { id: 'preview-sort', onchange: () => previewPage(c, ranking, 1, sort.value) },
    h('option', { value: 'place' }, 'по месту, которое будет опубликовано'),
    h('option', { value: 'place_computed' }, 'по месту по расчёту сервиса'),
    h('option', { value: 'mismatch' }, 'сначала расхождения итогового балла'),
    h('option', { value: 'name' }, 'по названию'));
  previewPage(c, ranking, 1, 'place');
  const dialog = h('dialog', { id: 'publish-dialog', 'aria-labelledby': 'publish-dialog-title' });
  const confirm = () => {
    const changes = h('div', { id: 'publish-changes' }, h('p', null, 'Загрузка списка изменений…'));
    fill(dialog,
      h('h2', { id: 'publish-dialog-title' }, 'Опубликовать редакцию ' + next + '?'),
      h('ul', { id: 'publish-summary' },
        h('li', null, c.published_revision ? 'Опубликованная редакция ' + c.published_revision + ' будет заменена редакцией ' + next + '.'
          : 'Кампания впервые станет видна всем: рейтинги, открытые данные, виджеты.'),
        h('li', null, 'Организаций в загрузке «' + (upload.source_name || 'без имени') + '»: ' + upload.organizations + '.'),
        c.pending_changes ? h('li', null, changesText(c)) : null,
        h('li', null, 'Предупреждений: ' + upload.warnings_count + '.'),
        note.value.trim() ? h('li', null, 'Примечание: ' + note.value.trim()) : null),
      changes,
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'publish-confirm', onclick: async () => {
          dialog.close();
          await guarded(async () => {
            await api('/api/v1/admin/campaigns/' + c.id + '/publish', { method: 'POST', json: note.value.trim() ? { note: note.value.trim() } : {} });
            say('Опубликовано');
            await campaignView(c.id);
            main.prepend(message('ok', 'Редакция ' + next + ' опубликована.'));
          }, errors);
        } }, 'Опубликовать'),
        h('button', { type: 'button', class: 'secondary', id: 'publish-cancel', onclick: () => dialog.close() }, 'Отмена')));
    dialog.showModal();
    pendingPage(c, changes, 1);
  };
  return h('section', { 'aria-labelledby': 'publish-title' },
    h('h2', { id: 'publish-title' }, 'Предпросмотр и публикация'),
    h('p', null, 'Так будет выглядеть рейтинг после публикации. Официальные итог и место — из файла; рядом наш пересчёт '
      + 'и место, которое вычисляет сервис. Расхождения выделены.'),
    field('Порядок строк', sort),
    ranking,
    c.pending_changes ? h('p', { id: 'pending-changes' }, changesText(c)) : null,
    field('Примечание к редакции', note, 'Например, что исправлено. Видно в истории редакций.'),
    errors,
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'publish-button', onclick: confirm }, 'Опубликовать…')),
    dialog);
}

const CHECKS = { match: 'совпадает', mismatch: 'расхождение', not_given: 'нет в файле' };

// one page of the would-be ranking; focus stays with the pager's button the operator pressed
async function previewPage(c, place, page, sort, focusPager) {
  await guarded(async () => {
    const list = await getJson('/api/v1/admin/campaigns/' + c.id + '/preview?per_page=20&page=' + page + '&sort=' + sort);
    const differs = r => r.place_official !== null && r.place_official !== undefined && r.place_official !== r.place_computed;
    fill(place,
      scroller(h('table', { id: 'preview' },
        h('caption', { class: 'visually-hidden' }, 'Предпросмотр рейтинга'),
        h('thead', null, h('tr', null, ['Место', 'Организация', 'ИНН', 'Место в файле', 'Место по расчёту', 'К1', 'К2', 'К3', 'К4', 'К5',
          'Итог в файле', 'Пересчёт', 'Проверка итога', 'Расхождения показателей'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', null, list.data.map(r => h('tr', { class: r.total_check === 'mismatch' || r.indicator_mismatches.length ? 'mismatch' : null,
            'data-row': r.row },
          h('td', { class: 'num' }, r.place_region), h('td', null, r.name), h('td', null, r.inn),
          h('td', { class: 'num' + (differs(r) ? ' cell-warn' : '') }, r.place_official ?? '—'),
          h('td', { class: 'num' + (differs(r) ? ' cell-warn' : '') }, r.place_computed),
          r.criteria.map(k => h('td', { class: 'num' }, k === null ? '—' : number(k))),
          h('td', { class: 'num' + (r.total_check === 'mismatch' ? ' cell-warn' : '') }, r.published_total === null || r.published_total === undefined ? '—' : number(r.published_total)),
          h('td', { class: 'num' + (r.total_check === 'mismatch' ? ' cell-warn' : '') }, number(r.total_computed)),
          h('td', { class: r.total_check === 'mismatch' ? 'cell-warn' : null },
            r.total_check === 'mismatch' ? h('mark', null, CHECKS.mismatch) : (CHECKS[r.total_check] || '—')),
          h('td', { class: r.indicator_mismatches.length ? 'cell-warn' : null }, r.indicator_mismatches.join(', ') || '—')))))),
      h('p', { class: 'hint', id: 'preview-total' }, 'Организаций: ' + list.meta.total + '.'),
      pager(list.meta, p => previewPage(c, place, p, sort, true)));
    if (focusPager) place.querySelector('.pager button:not([disabled])')?.focus();
  }, place);
}

const CHANGE_NAMES = { added: 'добавится', removed: 'уйдёт', changed: 'изменится' };

// one page of what publishing would change, organization by organization, inside the confirmation
async function pendingPage(c, place, page, focusPager) {
  await guarded(async () => {
    const list = await getJson('/api/v1/admin/campaigns/' + c.id + '/pending-changes?per_page=10&page=' + page);
    fill(place,
      list.data.length ? scroller(h('table', { id: 'pending-changes-list' },
        h('caption', null, 'Что изменится'),
        h('thead', null, h('tr', null, ['Организация', 'ИНН', 'Изменение', 'Поля'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', null, list.data.map(o => h('tr', { 'data-change': o.change }, h('td', null, o.name), h('td', null, o.inn),
          h('td', null, CHANGE_NAMES[o.change]),
          h('td', null, (o.fields || []).map(f => f.field + ': ' + (f.before ?? '—') + ' → ' + (f.after ?? '—')).join('; '))))))) :
        h('p', null, 'Ни одна организация не изменится.'),
      pager(list.meta, p => pendingPage(c, place, p, true)));
    if (focusPager) place.querySelector('.pager button:not([disabled])')?.focus();
  }, place);
}

function changesText(c) {
  const p = c.pending_changes;
  return (c.published_revision ? 'Против опубликованной редакции ' + c.published_revision : 'Против пустого рейтинга')
    + ': добавится ' + p.added + ', уйдёт ' + p.removed + ', изменится ' + p.changed + ', без изменений ' + p.unchanged + '.';
}

function retractSection(c) {
  const reason = h('textarea', { id: 'retract-reason', rows: 2, minlength: 3, maxlength: 1000 });
  const errors = h('div');
  const dialog = h('dialog', { id: 'retract-dialog', 'aria-labelledby': 'retract-dialog-title' });
  return h('section', { 'aria-labelledby': 'retract-title' },
    h('h2', { id: 'retract-title' }, 'Отзыв'),
    h('p', null, 'Отозванная кампания исчезает из рейтингов и статистики; её страница показывает причину. Данные сохраняются.'),
    field('Причина (видна всем)', reason), errors,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger', id: 'retract-button', onclick: () => {
      if (reason.value.trim().length < 3) {
        fill(errors, message('error', 'Укажите причину отзыва (не короче 3 символов).'));
        reason.focus();
        return;
      }
      fill(dialog, h('h2', { id: 'retract-dialog-title' }, 'Отозвать кампанию?'),
        h('p', null, 'Редакция ' + c.published_revision + ' «' + c.title + '» будет скрыта из рейтингов. Причина: ' + reason.value.trim()),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'danger', id: 'retract-confirm', onclick: async () => {
            dialog.close();
            await guarded(async () => {
              await api('/api/v1/admin/campaigns/' + c.id + '/retract', { method: 'POST', json: { reason: reason.value.trim() } });
              say('Кампания отозвана');
              await campaignView(c.id);
              main.prepend(message('ok', 'Кампания отозвана.'));
            }, errors);
          } }, 'Отозвать'),
          h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Отмена')));
      dialog.showModal();
    } }, 'Отозвать…')),
    dialog);
}

function changesSection(c, revision) {
  const place = h('div', null, h('p', null, 'Загрузка…'));
  const names = { added: 'добавлена', removed: 'удалена', changed: 'изменена' };
  guarded(async () => {
    const list = await getJson('/api/v1/campaigns/' + c.id + '/changes?per_page=100&revision=' + revision);
    const s = list.summary;
    fill(place, 
      h('p', { id: 'changes-summary' }, (list.from_revision ? 'Против редакции ' + list.from_revision : 'Первая редакция') + ': добавлено '
        + s.added + ', удалено ' + s.removed + ', изменено ' + s.changed + ', без изменений ' + s.unchanged + '.'),
      list.data.length ? scroller(h('table', { id: 'changes' },
        h('caption', { class: 'visually-hidden' }, 'Изменения'),
        h('thead', null, h('tr', null, ['Организация', 'ИНН', 'Изменение', 'Поля'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', null, list.data.map(o => h('tr', null, h('td', null, o.name), h('td', null, o.inn), h('td', null, names[o.change]),
          h('td', null, (o.fields || []).map(f => f.field + ': ' + (f.before ?? '—') + ' → ' + (f.after ?? '—')).join('; '))))))) : null,
      list.meta.total > list.data.length ? h('p', { class: 'hint' }, 'Показаны первые ' + list.data.length + ' из ' + list.meta.total + '.') : null);
  }, place);
  return h('section', { 'aria-labelledby': 'changes-title' }, h('h2', { id: 'changes-title' }, 'Изменения редакции ' + revision), place);
}

// ---- bus.gov.ru export: the founder's fields are remembered per campaign by the admin API ----

const FOUNDER_FIELDS = [
  ['approved_by', 'Орган, утверждающий планы (учредитель)'], ['approver_last_name', 'Фамилия утверждающего'],
  ['approver_first_name', 'Имя утверждающего'], ['approver_middle_name', 'Отчество утверждающего'],
  ['approve_date', 'Дата утверждения', 'date'], ['plan_date', 'Срок выполнения мероприятий', 'date'],
  ['responsible_name', 'Ответственный (ФИО)'], ['responsible_position', 'Должность ответственного'],
  ['social_council', 'Общественный совет', 'text', 'Пусто — протокол совета из кампании'],
  ['plan_period', 'Год плана', 'number', 'Пусто — год, следующий за годом оценки'],
  ['threshold', 'Порог показателя для плана (баллов)', 'number', 'Пусто — 100']];

function busGovSection(c) {
  const path = '/api/v1/admin/campaigns/' + c.id + '/exports/busgov';
  const inputs = {};
  const missing = h('div', { id: 'busgov-missing' });
  const errors = h('div');
  const showMissing = founder => fill(missing, founder.missing.length
    ? message('info', 'Не заполнено — без этого планы устранения недостатков не войдут в архив:', founder.missing.map(t => ({ message: t })))
    : message('ok', 'Все поля учредителя заполнены: планы войдут в архив.'));
  const fields = FOUNDER_FIELDS.map(([name, label, type, hint]) => {
    inputs[name] = h('input', { type: type || 'text', id: 'busgov-' + name, name, step: name === 'threshold' ? 'any' : null });
    return field(label, inputs[name], hint);
  });
  const values = () => {
    const body = {};
    for (const [name, input] of Object.entries(inputs)) {
      const value = input.value.trim();
      if (value) body[name] = input.type === 'number' ? Number(value) : value;
    }
    return body;
  };
  const save = async () => {
    const founder = await (await api(path + '/founder', { method: 'PUT', json: values() })).json();
    showMissing(founder);
    return founder;
  };
  guarded(async () => {
    const founder = await getJson(path + '/founder');
    for (const [name, value] of Object.entries(founder.fields)) {
      if (inputs[name] && value !== null && value !== undefined) inputs[name].value = value;
    }
    showMissing(founder);
  }, errors);
  return h('section', { 'aria-labelledby': 'busgov-title' },
    h('h2', { id: 'busgov-title' }, 'Выгрузка для bus.gov.ru'),
    h('p', { class: 'hint' }, 'Поля учредителя запоминаются для этой кампании: в следующий раз их не придётся вводить снова.'),
    h('div', { class: 'grid' }, fields),
    missing, errors,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'busgov-save', onclick: () => guarded(async () => {
        await save();
        say('Поля учредителя сохранены');
      }, errors) }, 'Сохранить поля'),
      h('button', { type: 'button', id: 'busgov-download', onclick: () => guarded(async () => {
        const founder = await save();
        const query = new URLSearchParams({ dialect: 'excel' });
        for (const [name, value] of Object.entries(founder.fields)) {
          if (value !== null && value !== undefined) query.set(name, value);
        }
        await download(path + '?' + query, 'busgov.zip');
      }, errors) }, 'Сохранить и скачать архив (ZIP)')));
}

// ---- admins: tokens and the audit log ----

async function tokensView() {
  await guarded(async () => {
    const list = await getJson('/api/v1/admin/tokens');
    const created = h('div', { id: 'token-created' });
    const errors = h('div');
    const role = h('select', { name: 'role', id: 't-role' }, h('option', { value: 'operator' }, 'оператор'), h('option', { value: 'admin' }, 'администратор'));
    const form = h('form', { id: 'new-token', onsubmit: async event => {
      event.preventDefault();
      const data = new FormData(form);
      const regions = String(data.get('regions') || '').split(/[\s,;]+/).filter(Boolean);
      await guarded(async () => {
        const answer = await (await api('/api/v1/admin/tokens', { method: 'POST',
          json: { name: String(data.get('name')).trim(), role: data.get('role'), regions } })).json();
        await tokensView();
        fill(document.getElementById('token-created'), message('ok', 'Токен «' + answer.token.name + '» создан. Скопируйте его сейчас: больше он показан не будет.'),
          h('p', { class: 'secret', id: 'token-secret' }, answer.secret));
      }, errors);
    } },
    h('div', { class: 'grid' }, field('Название', h('input', { type: 'text', name: 'name', id: 't-name', required: true, minlength: 3 })),
      field('Роль', role), field('Регионы оператора', h('input', { type: 'text', name: 'regions', id: 't-regions' }), 'Коды через запятую, например 59, 18')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Создать токен')));
    show('Токены', created,
      scroller(h('table', { id: 'tokens' },
        h('caption', { class: 'visually-hidden' }, 'Токены'),
        h('thead', null, h('tr', null, ['Название', 'Роль', 'Регионы', 'Создан', 'Последнее использование', 'Состояние'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', null, list.data.map(t => h('tr', null, h('td', null, t.name), h('td', null, t.role === 'admin' ? 'администратор' : 'оператор'),
          h('td', null, t.regions.join(', ')), h('td', null, dateTime(t.created_at)), h('td', null, dateTime(t.last_used_at)),
          h('td', null, t.revoked_at ? 'отозван ' + dateTime(t.revoked_at) : h('button', { type: 'button', class: 'danger', onclick: async () => {
            await guarded(async () => {
              await api('/api/v1/admin/tokens/' + t.id, { method: 'DELETE' });
              say('Токен отозван');
              await tokensView();
            });
          } }, 'Отозвать «' + t.name + '»'))))))),
      h('h2', null, 'Новый токен'), errors, form);
  });
}

async function auditView(target = '', page = 1) {
  await guarded(async () => {
    const query = new URLSearchParams({ page, per_page: 50 });
    if (target) query.set('target', target);
    const list = await getJson('/api/v1/admin/audit?' + query);
    const input = h('input', { type: 'text', id: 'audit-target', value: target, maxlength: 100 });
    show('Журнал действий',
      h('form', { id: 'audit-filter', onsubmit: e => { e.preventDefault(); auditView(input.value.trim(), 1); } },
        field('Объект', input, 'Например campaign/12, token/3, organization/44'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Показать'))),
      scroller(h('table', { id: 'audit' },
        h('caption', { class: 'visually-hidden' }, 'Журнал действий'),
        h('thead', null, h('tr', null, ['Время', 'Кто', 'Действие', 'Объект', 'Подробности'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', null, list.data.map(e => h('tr', null, h('td', null, dateTime(e.at)), h('td', null, e.actor), h('td', null, e.action),
          h('td', null, e.target ? h('button', { type: 'button', class: 'secondary', onclick: () => auditView(e.target, 1) }, e.target) : ''),
          h('td', null, e.details ? JSON.stringify(e.details) : '')))))),
      pager(list.meta, p => auditView(target, p)));
  });
}

document.getElementById('sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', route);
route();
