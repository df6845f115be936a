// Tasklane: demo project-management SPA for exercising the Uptake extension.
// Vanilla ES module, no dependencies. Markup ids/classes are a stable contract.

const SEAT_LIMIT = 10;
const PLAN = 'Starter';
const UPGRADE_URL = 'https://tasklane.example/upgrade';

// ---------------------------------------------------------------- identity

const KNOWN_USERS = {
  maria: 'Maria Lopez',
  li: 'Li Wei',
  sam: 'Sam Carter',
  priya: 'Priya Nair',
  jonas: 'Jonas Berg',
  aiko: 'Aiko Tanaka',
  diego: 'Diego Ramos',
};

function cleanId(value) {
  const v = String(value ?? '').trim().toLowerCase();
  return /^[a-z0-9][a-z0-9_-]{0,39}$/.test(v) ? v : null;
}

function titleCase(id) {
  return id.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

function resolveIdentity() {
  const params = new URLSearchParams(location.search);
  const account = cleanId(params.get('account')) ?? cleanId(sessionStorage.getItem('tasklane.account')) ?? 'acme';
  const user = cleanId(params.get('user')) ?? cleanId(sessionStorage.getItem('tasklane.user')) ?? 'maria';
  sessionStorage.setItem('tasklane.account', account);
  sessionStorage.setItem('tasklane.user', user);
  return { account, user, userName: KNOWN_USERS[user] ?? titleCase(user) };
}

const identity = resolveIdentity();
const STORAGE_KEY = `tasklane:state:${identity.account}:${identity.user}`;

// ---------------------------------------------------------------- state

function seedState() {
  const teammates = Object.entries(KNOWN_USERS).filter(([id]) => id !== identity.user).slice(0, 6);
  const members = [
    { id: identity.user, name: identity.userName, email: `${identity.user}@${identity.account}.test`, role: 'Owner' },
    ...teammates.map(([id, name]) => ({ id, name, email: `${id}@${identity.account}.test`, role: 'Member' })),
  ];
  return {
    version: 1,
    nextId: 100,
    projects: [
      {
        id: 'p1',
        name: 'Website redesign',
        tasks: [
          { id: 't1', title: 'Audit current pages', done: true },
          { id: 't2', title: 'Draft new navigation', done: false },
          { id: 't3', title: 'Review hero copy with marketing', done: false },
        ],
      },
      {
        id: 'p2',
        name: 'Q3 launch',
        tasks: [
          { id: 't4', title: 'Finalize pricing page', done: false },
          { id: 't5', title: 'Prepare launch email', done: false },
        ],
      },
      { id: 'p3', name: 'Customer onboarding', tasks: [] },
    ],
    members,
    seatsUsed: members.length,
    integrations: { Slack: false, GitHub: false },
    rules: [],
  };
}

function loadState() {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) {
      const parsed = JSON.parse(raw);
      if (parsed && parsed.version === 1 && Array.isArray(parsed.projects) && Array.isArray(parsed.members)) {
        parsed.seatsUsed = parsed.members.length;
        parsed.integrations ??= { Slack: false, GitHub: false };
        parsed.rules ??= [];
        return parsed;
      }
    }
  } catch {
    // Corrupt state: fall through to a fresh seed.
  }
  return seedState();
}

const state = loadState();

function save() {
  state.seatsUsed = state.members.length;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
}

function newId(prefix) {
  state.nextId += 1;
  return `${prefix}${state.nextId}`;
}

// ---------------------------------------------------------------- DOM helpers

/** Create an element. attrs: plain attributes, plus `on<Event>` functions and `dataset`. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value); // CSSOM, not a style attribute (CSP-friendly)
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

const $ = (selector, root = document) => root.querySelector(selector);

function field(label, control) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control);
}

function emptyState(text) {
  return h('p', { class: 'empty-state' }, text);
}

function showToast(id, text, ms = 3000) {
  document.getElementById(id)?.remove();
  const toast = h('div', { class: 'toast', id, role: 'status' }, text);
  $('#toast-region').append(toast);
  setTimeout(() => toast.remove(), ms);
}

// ---------------------------------------------------------------- shell

function renderShell() {
  let meta = document.querySelector('meta[name="tasklane-account"]');
  if (!meta) {
    meta = h('meta', { name: 'tasklane-account' });
    document.head.append(meta);
  }
  meta.setAttribute('content', identity.account);

  const user = $('#current-user');
  user.dataset.userId = identity.user;
  user.textContent = identity.userName;
  $('#user-avatar').textContent = identity.userName
    .split(' ')
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  $('#workspace-name').textContent = titleCase(identity.account);
  $('#plan-name').textContent = PLAN;
  updateSeatMeter();
}

function updateSeatMeter() {
  $('#seat-meter').textContent = `${state.members.length} of ${SEAT_LIMIT} seats`;
  $('#seat-bar-fill').style.width = `${Math.min(100, (state.members.length / SEAT_LIMIT) * 100)}%`;
}

// ---------------------------------------------------------------- views

function projectsView() {
  const list = h('ul', { id: 'project-list', class: 'card-list' });
  const empty = emptyState('No projects yet. Create your first one below.');
  const renderList = () => {
    list.replaceChildren(
      ...state.projects.map((p) => {
        const open = p.tasks.filter((t) => !t.done).length;
        return h(
          'li',
          {},
          h('a', { href: `/projects/${p.id}`, class: 'row-link' }, h('span', { class: 'row-title' }, p.name), h('span', { class: 'muted' }, `${open} open · ${p.tasks.length} total`)),
        );
      }),
    );
    empty.hidden = state.projects.length > 0;
  };
  renderList();

  const input = h('input', { name: 'name', type: 'text', required: true, maxlength: 80, placeholder: 'e.g. Mobile app beta', autocomplete: 'off' });
  const form = h(
    'form',
    {
      id: 'project-form',
      class: 'inline-form',
      onSubmit(e) {
        e.preventDefault();
        const name = input.value.trim();
        if (!name) return;
        state.projects.push({ id: newId('p'), name, tasks: [] });
        save();
        input.value = '';
        renderList();
      },
    },
    field('Project name', input),
    h('button', { type: 'submit', id: 'create-project', class: 'btn primary' }, 'Create project'),
  );

  return {
    title: 'Projects',
    body: [
      h('p', { class: 'lede' }, 'Everything your team is working on, in one place.'),
      h('section', { class: 'panel' }, list, empty),
      h('section', { class: 'panel' }, h('h2', {}, 'New project'), form),
    ],
  };
}

function projectDetailView(id) {
  const project = state.projects.find((p) => p.id === id);
  if (!project) return notFoundView('Project not found');

  const list = h('ul', { id: 'task-list', class: 'task-list' });
  const empty = emptyState('No tasks yet. Add the first one.');
  const renderList = () => {
    list.replaceChildren(
      ...project.tasks.map((t) =>
        h(
          'li',
          { class: t.done ? 'done' : null, dataset: { taskId: t.id } },
          h(
            'label',
            { class: 'task' },
            h('input', {
              type: 'checkbox',
              checked: t.done,
              onChange(e) {
                t.done = e.target.checked;
                save();
                renderList();
              },
            }),
            h('span', {}, t.title),
          ),
        ),
      ),
    );
    empty.hidden = project.tasks.length > 0;
  };
  renderList();

  const input = h('input', { name: 'title', type: 'text', required: true, maxlength: 140, placeholder: 'What needs doing?', autocomplete: 'off' });
  const form = h(
    'form',
    {
      id: 'task-form',
      class: 'inline-form',
      onSubmit(e) {
        e.preventDefault();
        const title = input.value.trim();
        if (!title) return;
        project.tasks.push({ id: newId('t'), title, done: false });
        save();
        input.value = '';
        renderList();
      },
    },
    field('Task title', input),
    h('button', { type: 'submit', id: 'add-task', class: 'btn primary' }, 'Add task'),
  );

  return {
    title: project.name,
    crumbs: h('a', { href: '/projects', class: 'crumb' }, '← All projects'),
    body: [h('section', { class: 'panel' }, list, empty), h('section', { class: 'panel' }, h('h2', {}, 'Add a task'), form)],
  };
}

function teamView() {
  const list = h('ul', { id: 'member-list', class: 'card-list' });
  const input = h('input', { name: 'email', type: 'email', required: true, placeholder: 'name@company.com', autocomplete: 'off' });
  const button = h('button', { type: 'submit', id: 'invite', class: 'btn primary' }, 'Send invite');
  const limitNote = h('p', { id: 'seat-limit', class: 'notice' }, 'All seats used — upgrade for more');
  const error = h('p', { class: 'form-error', role: 'alert' });

  const form = h(
    'form',
    {
      id: 'invite-form',
      class: 'inline-form',
      onSubmit(e) {
        e.preventDefault();
        if (state.members.length >= SEAT_LIMIT) return;
        const email = input.value.trim().toLowerCase();
        if (!email) return;
        if (state.members.some((m) => m.email === email)) {
          error.textContent = `${email} is already on the team.`;
          return;
        }
        const local = email.split('@')[0];
        state.members.push({ id: newId('m'), name: titleCase(local.replace(/\./g, ' ')), email, role: 'Invited' });
        save();
        input.value = '';
        error.textContent = '';
        renderTeam();
      },
    },
    field('Email', input),
    button,
  );

  const renderTeam = () => {
    list.replaceChildren(
      ...state.members.map((m) =>
        h(
          'li',
          { class: 'member' },
          h('span', { class: 'avatar small', 'aria-hidden': 'true' }, m.name.slice(0, 1).toUpperCase()),
          h('span', { class: 'member-name' }, m.name, m.id === identity.user ? h('span', { class: 'muted' }, ' (you)') : null),
          h('span', { class: 'muted member-email' }, m.email),
          h('span', { class: `role role-${m.role.toLowerCase()}` }, m.role),
        ),
      ),
    );
    const full = state.members.length >= SEAT_LIMIT;
    input.disabled = full;
    button.disabled = full;
    form.classList.toggle('is-disabled', full);
    form.setAttribute('aria-disabled', String(full));
    limitNote.hidden = !full;
    updateSeatMeter();
  };
  renderTeam();

  return {
    title: 'Team',
    body: [
      h('p', { class: 'lede' }, `Your ${PLAN} plan includes ${SEAT_LIMIT} seats. Each invite uses one seat.`),
      h('section', { class: 'panel' }, list),
      h('section', { class: 'panel' }, h('h2', {}, 'Invite a teammate'), form, error, limitNote),
    ],
  };
}

function integrationsView() {
  const cards = Object.keys(state.integrations).map((name) =>
    h('tl-integration-card', { name, connected: state.integrations[name] ? '' : null }),
  );
  return {
    title: 'Integrations',
    body: [h('p', { class: 'lede' }, 'Connect Tasklane to the tools your team already uses.'), h('div', { class: 'integration-grid' }, cards)],
  };
}

let reportBuilt = false;
let exportUrl = null;

function reportRows() {
  return state.projects.map((p) => ({
    name: p.name,
    total: p.tasks.length,
    done: p.tasks.filter((t) => t.done).length,
  }));
}

function reportTable(rows) {
  const max = Math.max(1, ...rows.map((r) => r.total));
  return h(
    'table',
    { class: 'report-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Project'), h('th', {}, 'Done'), h('th', {}, 'Total'), h('th', { class: 'bar-col' }, 'Progress'))),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          h('td', {}, r.name),
          h('td', {}, String(r.done)),
          h('td', {}, String(r.total)),
          h(
            'td',
            { class: 'bar-col' },
            h('span', { class: 'bar', style: { width: `${(r.total / max) * 100}%` } }, h('span', { class: 'bar-done', style: { width: `${r.total ? (r.done / r.total) * 100 : 0}%` } })),
          ),
        ),
      ),
    ),
  );
}

function reportsView() {
  const output = h('div', { id: 'report-output', class: 'report-output' });
  const shareNote = h('span', { id: 'share-confirmation', class: 'inline-confirm', role: 'status' });
  const exportStatus = h('div', { id: 'export-status', class: 'export-status' });

  const shareBtn = h(
    'button',
    {
      type: 'button',
      id: 'share-report',
      class: 'btn',
      disabled: !reportBuilt,
      onClick() {
        shareNote.textContent = 'Link copied';
        setTimeout(() => (shareNote.textContent = ''), 4000);
      },
    },
    'Share report',
  );

  const buildBtn = h(
    'button',
    {
      type: 'button',
      id: 'build-report',
      class: 'btn primary',
      onClick() {
        buildBtn.disabled = true;
        buildBtn.textContent = 'Building…';
        output.replaceChildren(h('p', { class: 'muted' }, 'Crunching numbers…'));
        setTimeout(() => {
          reportBuilt = true;
          buildBtn.disabled = false;
          buildBtn.textContent = 'Build report';
          shareBtn.disabled = false;
          output.replaceChildren(h('h2', {}, 'Task progress by project'), reportTable(reportRows()));
          showToast('report-ready', 'Report ready');
        }, 300);
      },
    },
    'Build report',
  );

  const exportBtn = h(
    'button',
    {
      type: 'button',
      id: 'export-csv',
      class: 'btn',
      onClick() {
        const lines = [['Project', 'Task', 'Done']];
        for (const p of state.projects) for (const t of p.tasks) lines.push([p.name, t.title, t.done ? 'yes' : 'no']);
        const csv = lines.map((cols) => cols.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\r\n');
        if (exportUrl) URL.revokeObjectURL(exportUrl);
        exportUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
        exportStatus.replaceChildren(
          h('span', {}, 'Export ready'),
          ' ',
          h('a', { href: exportUrl, download: `tasklane-${identity.account}-tasks.csv`, id: 'export-link' }, 'Download CSV'),
        );
      },
    },
    'Export CSV',
  );

  if (reportBuilt) output.append(h('h2', {}, 'Task progress by project'), reportTable(reportRows()));
  else output.append(emptyState('No report yet. Build one to see progress across projects.'));

  return {
    title: 'Reports',
    body: [
      h('p', { class: 'lede' }, 'See how work is moving across your projects.'),
      h('div', { class: 'toolbar' }, buildBtn, shareBtn, exportBtn, shareNote),
      exportStatus,
      h('section', { class: 'panel' }, output),
    ],
  };
}

const TRIGGERS = ['Task is created', 'Task is completed', 'Teammate joins'];
const ACTIONS = ['Notify the project channel', 'Assign to me', 'Add the "needs review" label'];

function automationsView() {
  const list = h('ul', { id: 'rule-list', class: 'card-list' });
  const empty = emptyState('No rules yet. Automate the busywork below.');
  const renderList = () => {
    list.replaceChildren(
      ...state.rules.map((r) => h('li', { class: 'rule' }, h('strong', {}, 'When '), r.trigger, h('strong', {}, ' → then '), r.action)),
    );
    empty.hidden = state.rules.length > 0;
  };
  renderList();

  const select = (name, options) => h('select', { name }, options.map((o) => h('option', { value: o }, o)));
  const trigger = select('trigger', TRIGGERS);
  const action = select('action', ACTIONS);
  const form = h(
    'form',
    {
      id: 'automation-form',
      class: 'inline-form',
      onSubmit(e) {
        e.preventDefault();
        state.rules.push({ id: newId('r'), trigger: trigger.value, action: action.value });
        save();
        renderList();
      },
    },
    field('When', trigger),
    field('Then', action),
    h('button', { type: 'submit', id: 'save-rule', class: 'btn primary' }, 'Save rule'),
  );

  // The rule builder loads a second after the page, like a lazily loaded component in a real app.
  const builder = h('section', { class: 'panel', 'aria-busy': 'true' }, h('h2', {}, 'New rule'), h('p', { class: 'muted' }, 'Loading the rule builder…'));
  setTimeout(() => {
    builder.replaceChildren(h('h2', {}, 'New rule'), form);
    builder.removeAttribute('aria-busy');
  }, 1000);

  return {
    title: 'Automations',
    body: [
      h('p', { class: 'lede' }, 'Let Tasklane handle repetitive steps for you.'),
      h('section', { class: 'panel' }, list, empty),
      builder,
    ],
  };
}

function insightsView() {
  return {
    title: 'Advanced insights',
    body: [
      h(
        'section',
        { id: 'upgrade-wall', class: 'upgrade-wall' },
        h('span', { class: 'badge' }, 'Business'),
        h('h2', {}, 'Advanced insights are on the Business plan'),
        h('p', { class: 'muted' }, 'Cycle time, workload balance and forecasting for every project. You are on the ', h('strong', {}, PLAN), ' plan.'),
        h('a', { id: 'upgrade-button', class: 'btn primary', href: UPGRADE_URL }, 'Upgrade to Business'),
      ),
    ],
  };
}

function settingsView() {
  return {
    title: 'Settings',
    body: [
      h(
        'section',
        { class: 'panel' },
        h('h2', {}, 'Workspace'),
        h(
          'dl',
          { class: 'settings-list' },
          h('dt', {}, 'Plan'),
          h('dd', {}, PLAN),
          h('dt', {}, 'Account'),
          h('dd', {}, identity.account),
          h('dt', {}, 'Signed in as'),
          h('dd', {}, `${identity.userName} (${identity.user})`),
        ),
      ),
      h(
        'section',
        { class: 'panel danger-zone' },
        h('h2', {}, 'Demo data'),
        h('p', { class: 'muted' }, 'Restore the sample projects, team and integrations for this user.'),
        h(
          'button',
          {
            type: 'button',
            id: 'reset-demo',
            class: 'btn danger',
            onClick() {
              localStorage.removeItem(STORAGE_KEY);
              location.reload();
            },
          },
          'Reset demo data',
        ),
      ),
    ],
  };
}

function notFoundView(title = 'Page not found') {
  return {
    title,
    body: [h('p', { class: 'lede' }, 'That page does not exist. '), h('a', { href: '/projects', class: 'btn' }, 'Go to projects')],
  };
}

// ---------------------------------------------------------------- router

const ROUTES = [
  [/^\/projects\/?$/, projectsView],
  [/^\/projects\/([^/]+)\/?$/, projectDetailView],
  [/^\/team\/?$/, teamView],
  [/^\/integrations\/?$/, integrationsView],
  [/^\/reports\/?$/, reportsView],
  [/^\/automations\/?$/, automationsView],
  [/^\/insights\/?$/, insightsView],
  [/^\/settings\/?$/, settingsView],
];

function render() {
  if (location.pathname === '/' || location.pathname === '/index.html') {
    history.replaceState(null, '', `/projects${location.search}${location.hash}`);
  }
  const path = location.pathname;
  let view = null;
  for (const [pattern, fn] of ROUTES) {
    const m = path.match(pattern);
    if (m) {
      view = fn(...m.slice(1).map(decodeURIComponent));
      break;
    }
  }
  view ??= notFoundView();

  document.title = `${view.title} · Tasklane`;
  $('#view').replaceChildren(...[view.crumbs, h('h1', {}, view.title), ...view.body].filter(Boolean));

  for (const link of document.querySelectorAll('#main-nav a')) {
    const href = link.getAttribute('href');
    const active = path === href || path.startsWith(`${href}/`);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function navigate(to) {
  const url = new URL(to, location.href);
  if (url.pathname + url.search + url.hash === location.pathname + location.search + location.hash) return;
  history.pushState(null, '', url.pathname + url.search + url.hash);
  render();
  window.scrollTo(0, 0);
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  closePalette();
  navigate(url.href);
});

window.addEventListener('popstate', render);

// ---------------------------------------------------------------- integration card (custom element)

const CARD_INFO = {
  Slack: { color: '#4a154b', text: 'Post task updates to channels and create tasks from messages.' },
  GitHub: { color: '#24292f', text: 'Link pull requests to tasks and close them on merge.' },
};

class IntegrationCard extends HTMLElement {
  static observedAttributes = ['name', 'connected'];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const css = `
      :host { display: block; }
      .card { box-sizing: border-box; height: 100%; border: 1px solid #e4e7ec; border-radius: 12px; padding: 20px; background: #fff; display: flex; flex-direction: column; gap: 10px; box-shadow: 0 1px 2px rgba(16,24,40,.05); }
      .head { display: flex; align-items: center; gap: 12px; }
      .logo { width: 36px; height: 36px; border-radius: 8px; color: #fff; display: grid; place-items: center; font-weight: 700; }
      .title { margin: 0; font-size: 16px; }
      .desc { margin: 0; color: #667085; font-size: 14px; line-height: 1.45; }
      .status { font-size: 13px; font-weight: 600; color: #067647; }
      .status[hidden] { display: none; }
      .connect { align-self: flex-start; margin-top: auto; font: inherit; font-size: 14px; font-weight: 600; padding: 8px 16px; border-radius: 8px; border: 1px solid #4f46e5; background: #4f46e5; color: #fff; cursor: pointer; }
      .connect:hover { background: #4338ca; }
      .connect:focus-visible { outline: 3px solid #c7d2fe; outline-offset: 2px; }
      :host([connected]) .connect { background: #fff; color: #344054; border-color: #d0d5dd; }
      :host([connected]) .connect:hover { background: #f9fafb; }
    `;
    root.innerHTML = `
      <div class="card" part="card">
        <div class="head"><span class="logo" part="logo"></span><h3 class="title" part="title"></h3></div>
        <p class="desc"></p>
        <span class="status" part="status" role="status" hidden></span>
        <button class="connect" part="connect" type="button">Connect</button>
      </div>`;
    // Constructable stylesheet: works under a strict style-src CSP; <style> fallback for old engines.
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = css;
      root.prepend(style);
    }
    root.querySelector('.connect').addEventListener('click', () => {
      const connected = !this.hasAttribute('connected');
      this.toggleAttribute('connected', connected);
      this.dispatchEvent(new CustomEvent('tl-integration-change', { bubbles: true, composed: true, detail: { name: this.name, connected } }));
    });
  }

  get name() {
    return this.getAttribute('name') ?? '';
  }

  connectedCallback() {
    this.update();
  }

  attributeChangedCallback() {
    this.update();
  }

  update() {
    const root = this.shadowRoot;
    const info = CARD_INFO[this.name] ?? { color: '#475467', text: 'Sync data with Tasklane.' };
    const connected = this.hasAttribute('connected');
    root.querySelector('.title').textContent = this.name;
    root.querySelector('.logo').textContent = this.name.slice(0, 1);
    root.querySelector('.logo').style.background = info.color;
    root.querySelector('.desc').textContent = info.text;
    const status = root.querySelector('.status');
    status.hidden = !connected;
    status.textContent = connected ? 'Connected' : '';
    const button = root.querySelector('.connect');
    button.textContent = connected ? 'Disconnect' : 'Connect';
    button.setAttribute('aria-label', `${connected ? 'Disconnect' : 'Connect'} ${this.name}`);
  }
}

customElements.define('tl-integration-card', IntegrationCard);

document.addEventListener('tl-integration-change', (e) => {
  const { name, connected } = e.detail;
  if (name in state.integrations) {
    state.integrations[name] = connected;
    save();
  }
});

// ---------------------------------------------------------------- command palette

const COMMANDS = [
  ['Go to Projects', '/projects'],
  ['Go to Team', '/team'],
  ['Go to Integrations', '/integrations'],
  ['Go to Reports', '/reports'],
  ['Go to Automations', '/automations'],
  ['Go to Insights', '/insights'],
  ['Go to Settings', '/settings'],
];

let palette = null;
let paletteReturnFocus = null;

function openPalette() {
  if (palette) {
    $('input', palette).focus();
    return;
  }
  paletteReturnFocus = document.activeElement;
  const list = h('ul', { class: 'palette-results', id: 'palette-results', role: 'listbox' });
  const input = h('input', {
    type: 'text',
    class: 'palette-input',
    placeholder: 'Type a command or page…',
    'aria-label': 'Command',
    'aria-controls': 'palette-results',
    autocomplete: 'off',
    onInput: () => renderResults(),
    onKeydown(e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        const first = list.querySelector('a');
        if (first) {
          closePalette();
          navigate(first.getAttribute('href'));
        }
      }
    },
  });
  const renderResults = () => {
    const q = input.value.trim().toLowerCase();
    const matches = COMMANDS.filter(([label]) => label.toLowerCase().includes(q));
    list.replaceChildren(
      ...(matches.length
        ? matches.map(([label, href]) => h('li', { role: 'option' }, h('a', { href }, label)))
        : [h('li', { class: 'muted' }, 'No matching commands')]),
    );
  };
  renderResults();

  const backdrop = h('div', {
    class: 'palette-backdrop',
    onMousedown(e) {
      if (e.target === backdrop) closePalette();
    },
  });
  const dialog = h('div', { role: 'dialog', id: 'command-palette', 'aria-label': 'Command palette', 'aria-modal': 'true' }, input, list);
  backdrop.append(dialog);
  document.body.append(backdrop);
  palette = backdrop;
  input.focus();
}

function closePalette() {
  if (!palette) return;
  palette.remove();
  palette = null;
  if (paletteReturnFocus?.isConnected) paletteReturnFocus.focus();
  paletteReturnFocus = null;
}

document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key ?? '').toLowerCase() === 'k') {
    e.preventDefault();
    openPalette();
  } else if (e.key === 'Escape' && palette) {
    e.preventDefault();
    closePalette();
  }
});

// ---------------------------------------------------------------- boot

renderShell();
$('#open-palette').addEventListener('click', openPalette);
render();
