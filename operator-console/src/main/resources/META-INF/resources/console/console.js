'use strict';
// The operator console: plain JavaScript over the services' admin APIs, nothing to build.
// Each page draws its frame once and then refreshes only its data regions, and only when the data
// changed: a refresh never moves the focus, the scroll position or a half-typed search.

const REFRESH_MILLIS = 5000;

const consoleState = {paused: false, page: null, timer: null};

/**
 * GET a JSON admin API on this origin; a problem+json answer becomes an Error with its detail. The URL
 * is built on the origin, which leaves out credentials given in the page's address
 * (http://admin:…@host/console/): fetch refuses a URL that holds them.
 */
async function api(path) {
    const response = await fetch(new URL(path, location.origin), {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) {
        let detail = response.statusText;
        try {
            const problem = await response.json();
            detail = problem.detail || problem.title || detail;
        } catch (notJson) {
            // the status line is all there is
        }
        throw new Error(`${response.status} ${detail}`);
    }
    return response.json();
}

/** An element with attributes and children; strings become text, never markup. */
function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.substring(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

function formatTime(iso) {
    if (!iso) {
        return '—';
    }
    return iso.replace('T', ' ').replace(/\.\d+/, '').replace('Z', ' UTC');
}

function formatAge(iso) {
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (seconds < 120) {
        return `${seconds} s`;
    }
    const minutes = Math.round(seconds / 60);
    return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

function formatMoney(amount, currency) {
    return amount === null || amount === undefined ? '—' : `${Number(amount).toFixed(2)} ${currency}`;
}

/** Words for enum values: PAYMENT_TIMEOUT reads "payment timeout". */
function words(value) {
    return value ? String(value).toLowerCase().replaceAll('_', ' ') : '—';
}

/** The status as a word with a symbol, so that it reads without colour; the class adds colour. */
function statusBadge(status) {
    const symbol = {PENDING: '…', CONFIRMED: '✓', CANCELLED: '✕'}[status] || '';
    return el('span', {class: `status status-${String(status).toLowerCase()}`}, `${symbol} ${status}`);
}

function orderLink(orderId) {
    return el('a', {href: `#/orders/${encodeURIComponent(orderId)}`}, orderId);
}

/**
 * A table, or a paragraph when there are no rows. Columns: {title, cell(row)}, a cell being text or
 * a node.
 */
function table(caption, columns, rows, emptyText) {
    if (rows.length === 0) {
        return el('p', {class: 'empty'}, emptyText);
    }
    return el('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption},
        el('table', {},
            el('caption', {}, caption),
            el('thead', {}, el('tr', {}, columns.map(column => el('th', {scope: 'col'}, column.title)))),
            el('tbody', {}, rows.map(row => el('tr', {}, columns.map(column => el('td', {'data-label': column.title},
                column.cell(row))))))));
}

/**
 * A region of a page that loads its data from {@code load()} and draws it with {@code draw(data)};
 * it redraws only when the data differ from what it shows.
 */
function region(label, load, draw) {
    const container = el('div', {class: 'region', 'aria-label': label, role: 'region', 'aria-busy': 'true'},
        el('p', {class: 'loading'}, 'Loading…'));
    let shown = null;
    return {
        element: container,
        async refresh() {
            let content;
            let key;
            try {
                const data = await load();
                key = JSON.stringify(data);
                if (key === shown) {
                    return;
                }
                content = draw(data);
            } catch (error) {
                key = `error:${error.message}`;
                if (key === shown) {
                    return;
                }
                content = el('p', {class: 'error', role: 'alert'}, `Could not load: ${error.message}`);
            }
            shown = key;
            container.replaceChildren(content);
            container.setAttribute('aria-busy', 'false');
        }
    };
}

const SUMMARY_COLUMNS = [
    {title: 'Order', cell: order => orderLink(order.orderId)},
    {title: 'Customer', cell: order => order.customerId},
    {title: 'Status', cell: order => statusBadge(order.status)},
    {title: 'Amount', cell: order => formatMoney(order.totalAmount, order.currency)},
    {title: 'Attempts', cell: order => order.paymentAttempts},
    {title: 'Last failure', cell: order => words(order.lastPaymentFailure)},
    {title: 'Placed', cell: order => formatTime(order.createdAt)},
    {title: 'Next deadline', cell: order => formatTime(order.nextDeadline)}
];

const STUCK_COLUMNS = [
    {title: 'Order', cell: order => orderLink(order.orderId)},
    {title: 'Customer', cell: order => order.customerId},
    {title: 'Waiting', cell: order => formatAge(order.createdAt)},
    {title: 'Attempts', cell: order => order.paymentAttempts},
    {title: 'Last failure', cell: order => words(order.lastPaymentFailure)},
    {title: 'Next deadline', cell: order => formatTime(order.nextDeadline)}
];

/** #/orders?q=…&minutes=…: find orders, and the PENDING ones that wait too long. */
function ordersPage(parameters) {
    const query = parameters.get('q') || '';
    const minutes = parameters.get('minutes') || '5';
    const navigate = (q, m) => {
        location.hash = `#/orders?${new URLSearchParams({q, minutes: m})}`;
    };

    const queryInput = el('input', {id: 'q', name: 'q', type: 'search', value: query, required: true, maxlength: '255',
        autocomplete: 'off', 'aria-describedby': 'q-hint'});
    const minutesInput = el('input', {id: 'minutes', name: 'minutes', type: 'number', min: '0', max: '43200',
        value: minutes, required: true});

    const regions = [];
    let found = null;
    if (query) {
        const results = region('Orders found', () => api(`/admin/orders?${new URLSearchParams({q: query})}`),
            orders => table(`Orders matching “${query}”`, SUMMARY_COLUMNS, orders, `No order matches “${query}”.`));
        regions.push(results);
        found = results.element;
    }
    const stuck = region('Stuck orders', () => api(`/admin/orders/stuck?${new URLSearchParams({olderThanMinutes: minutes})}`),
        orders => table(`PENDING for more than ${minutes} minutes (${orders.length}${orders.length >= 100 ? '+' : ''})`,
            STUCK_COLUMNS, orders, `No order has been PENDING for more than ${minutes} minutes.`));
    regions.push(stuck);

    const content = [
        el('section', {'aria-labelledby': 'find-title'},
            el('h2', {id: 'find-title'}, 'Find an order'),
            el('form', {
                    class: 'inline', role: 'search', onsubmit: event => {
                        event.preventDefault();
                        navigate(queryInput.value.trim(), minutesInput.value);
                    }
                },
                el('label', {for: 'q'}, 'Order id, customer id or Idempotency-Key'),
                queryInput,
                el('button', {type: 'submit'}, 'Find')),
            el('p', {id: 'q-hint', class: 'hint'}, 'An exact value; an Idempotency-Key finds the order it placed for any customer.'),
            found),
        el('section', {'aria-labelledby': 'stuck-title'},
            el('h2', {id: 'stuck-title'}, 'Stuck orders'),
            el('form', {
                    class: 'inline', onsubmit: event => {
                        event.preventDefault();
                        navigate(query, minutesInput.value);
                    }
                },
                el('label', {for: 'minutes'}, 'PENDING for more than (minutes)'),
                minutesInput,
                el('button', {type: 'submit'}, 'Show')),
            stuck.element)
    ];
    return {title: 'Orders', content, regions};
}

const TIMELINE_COLUMNS = [
    {title: 'Time', cell: entry => formatTime(entry.at)},
    {title: 'Service', cell: entry => entry.service},
    {title: 'Event', cell: entry => entry.event},
    {title: 'Details', cell: entry => details(entry.details)}
];

const LEDGER_COLUMNS = [
    {title: 'Time', cell: entry => formatTime(entry.recordedAt)},
    {title: 'Kind', cell: entry => words(entry.kind)},
    {title: 'Outcome', cell: entry => words(entry.outcome)},
    {title: 'Amount', cell: entry => entry.amount ? formatMoney(entry.amount.amount, entry.amount.currency) : '—'},
    {title: 'Payment', cell: entry => entry.paymentId || '—'},
    {title: 'Gateway key', cell: entry => entry.idempotencyKey || '—'}
];

/** An event's fields as "name: value" lines, leaving out what the row already says. */
function details(fields) {
    if (!fields || typeof fields !== 'object') {
        return '';
    }
    const lines = Object.entries(fields)
        .filter(([name]) => name !== 'orderId')
        .map(([name, value]) => `${name}: ${fieldText(value)}`);
    return el('span', {class: 'details'}, lines.join('\n'));
}

/** Money as "3.00 EUR", a list item by item, other objects as their fields. */
function fieldText(value) {
    if (value === null || typeof value !== 'object') {
        return String(value);
    }
    if (Array.isArray(value)) {
        return value.map(fieldText).join('; ');
    }
    if ('amount' in value && 'currency' in value && Object.keys(value).length === 2) {
        return formatMoney(value.amount, value.currency);
    }
    return Object.entries(value).map(([name, field]) => `${name} ${fieldText(field)}`).join(', ');
}

function missingNotice(missing) {
    return missing.length === 0 ? null
        : el('p', {class: 'warning', role: 'note'}, `Incomplete: ${missing.join('; ')}`);
}

/** #/orders/{id}: one order at a glance: where it stands, its timeline from both services, its money. */
function orderPage(orderId) {
    const summary = region('Order summary', () => api(`/admin/orders?${new URLSearchParams({q: orderId})}`)
            .then(orders => orders.find(order => order.orderId === orderId) || null),
        order => order === null ? el('p', {class: 'error', role: 'alert'}, `No order with id ${orderId}.`)
            : el('dl', {class: 'summary'}, [
                ['Status', statusBadge(order.status)],
                ['Customer', order.customerId],
                ['Amount', formatMoney(order.totalAmount, order.currency)],
                ['Payment attempts', order.paymentAttempts],
                ['Last payment failure', words(order.lastPaymentFailure)],
                ['Cancellation reason', words(order.cancellationReason)],
                ['Next deadline', formatTime(order.nextDeadline)],
                ['Placed', formatTime(order.createdAt)],
                ['Last change', formatTime(order.updatedAt)]
            ].map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])));
    const timeline = region('Timeline', () => api(`/admin/orders/${encodeURIComponent(orderId)}/history`),
        trace => el('div', {}, missingNotice(trace.missing),
            table('Events of the order and its payments, oldest first', TIMELINE_COLUMNS, trace.events, 'No events.')));
    const ledger = region('Gateway ledger', () => api(`/admin/orders/${encodeURIComponent(orderId)}/ledger`),
        answer => el('div', {}, missingNotice(answer.missing),
            table('What the payment gateway recorded: charges and refunds', LEDGER_COLUMNS, answer.entries,
                'The gateway recorded nothing for this order.')));
    const content = [
        el('p', {}, el('a', {href: '#/orders'}, '← Orders')),
        el('h2', {}, 'Order ', el('code', {}, orderId)),
        el('section', {'aria-labelledby': 'summary-title'}, el('h3', {id: 'summary-title'}, 'Where it stands'),
            summary.element),
        el('section', {'aria-labelledby': 'timeline-title'}, el('h3', {id: 'timeline-title'}, 'Timeline'),
            timeline.element),
        el('section', {'aria-labelledby': 'ledger-title'}, el('h3', {id: 'ledger-title'}, 'Money'),
            ledger.element)
    ];
    return {title: `Order ${orderId}`, content, regions: [summary, timeline, ledger]};
}

function route() {
    const hash = location.hash || '#/orders';
    const [path, search] = hash.substring(1).split('?');
    const parameters = new URLSearchParams(search || '');
    const orderMatch = path.match(/^\/orders\/(.+)$/);
    if (orderMatch) {
        return orderPage(decodeURIComponent(orderMatch[1]));
    }
    return ordersPage(parameters);
}

async function refresh() {
    const page = consoleState.page;
    if (!page) {
        return;
    }
    await Promise.all(page.regions.map(each => each.refresh()));
    if (page === consoleState.page) {
        document.getElementById('updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    }
}

function show() {
    const page = route();
    consoleState.page = page;
    const main = document.getElementById('main');
    main.replaceChildren(...page.content);
    document.title = `${page.title} · Order–payment console`;
    for (const link of document.querySelectorAll('nav a')) {
        link.toggleAttribute('aria-current', location.hash.startsWith(link.getAttribute('href')) || (!location.hash && link.dataset.section === 'orders'));
    }
    refresh();
}

function schedule() {
    clearInterval(consoleState.timer);
    consoleState.timer = setInterval(() => {
        if (!consoleState.paused && !document.hidden) {
            refresh();
        }
    }, REFRESH_MILLIS);
}

document.addEventListener('DOMContentLoaded', () => {
    const pause = document.getElementById('pause');
    pause.addEventListener('click', () => {
        consoleState.paused = !consoleState.paused;
        pause.setAttribute('aria-pressed', String(consoleState.paused));
        pause.textContent = consoleState.paused ? 'Resume updates' : 'Pause updates';
    });
    window.addEventListener('hashchange', show);
    show();
    schedule();
});
