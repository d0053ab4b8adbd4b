'use strict';
// The operator console: plain JavaScript over the services' admin APIs, nothing to build.
// Each page draws its frame once and then refreshes only its data regions, and only when the data
// changed: forms are never redrawn, so a refresh never touches a half-typed search.

const REFRESH_MILLIS = 5000;

const consoleState = {paused: false, page: null, timer: null};

/**
 * Calls an admin API on this origin; answers its JSON, or throws an Error with the problem's detail.
 * The URL is built on the origin, which leaves out credentials given in the page's address
 * (http://admin:…@host/console/): fetch refuses a URL that holds them.
 */
async function send(method, path, body) {
    const response = await fetch(new URL(path, location.origin), {
        method, credentials: 'same-origin',
        headers: body === undefined ? {Accept: 'application/json'}
            : {Accept: 'application/json', 'Content-Type': 'application/json'},
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
        throw new Error(`${response.status} ${answer.detail || answer.title || response.statusText}`);
    }
    return answer;
}

/** GET a JSON admin API on this origin. */
function api(path) {
    return send('GET', path);
}

/** The two services; the payment service's operator API is reached through the order service. */
const SERVICES = [
    {id: 'order', name: 'Order service', admin: '/admin/'},
    {id: 'payment', name: 'Payment service', admin: '/admin/payment-service/'}
];

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
            // A keyboard user on a button or link here keeps the focus on its twin in the new content.
            const focused = container.contains(document.activeElement) ? document.activeElement : null;
            container.replaceChildren(content);
            if (focused) {
                const twin = [...container.querySelectorAll(focused.tagName)].find(candidate =>
                    candidate.getAttribute('aria-label') === focused.getAttribute('aria-label')
                    && candidate.textContent === focused.textContent);
                if (twin) {
                    twin.focus();
                }
            }
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


/**
 * The page's one question before a change: what will happen, with a button that does it and one
 * that does not. The focus goes to the question's first button, and back where it was after.
 */
function confirmation() {
    const area = el('div', {class: 'confirmation', hidden: true});
    const outcome = el('p', {class: 'outcome', role: 'status'});
    return {
        elements: [area, outcome],
        ask(question, actionLabel, action, onDone) {
            const returnFocus = document.activeElement;
            const close = () => {
                area.hidden = true;
                area.replaceChildren();
                if (returnFocus && returnFocus.isConnected) {
                    returnFocus.focus();
                }
            };
            const yes = el('button', {
                type: 'button', class: 'primary', onclick: async () => {
                    yes.disabled = true;
                    try {
                        outcome.textContent = await action();
                        outcome.className = 'outcome';
                    } catch (error) {
                        outcome.textContent = `Failed: ${error.message}`;
                        outcome.className = 'outcome error';
                    }
                    close();
                    onDone();
                }
            }, actionLabel);
            area.replaceChildren(el('div', {role: 'alertdialog', 'aria-modal': 'false', 'aria-label': 'Confirm'},
                el('p', {}, question),
                yes, ' ',
                el('button', {type: 'button', onclick: close}, 'Cancel')));
            area.hidden = false;
            yes.focus();
        }
    };
}

function plural(count, word, words = `${word}s`) {
    return `${count} ${count === 1 ? word : words}`;
}

/** #/waiting: per service, the dead letters of each queue it consumes and the events its outbox parked. */
function waitingPage() {
    const confirm = confirmation();
    const regions = [];
    const sections = SERVICES.map(service => {
        const deadLetters = region(`${service.name}: dead letters`, async () => {
            const queues = await api(`${service.admin}dead-letters`);
            return Promise.all(queues.map(async queue => ({
                ...queue,
                letters: queue.deadLetters > 0
                    ? await api(`${service.admin}dead-letters/${encodeURIComponent(queue.queue)}?limit=50`) : []
            })));
        }, queues => el('div', {}, queues.map(queue => el('div', {class: 'queue'},
            el('h4', {}, `${queue.queue}: ${plural(queue.deadLetters, 'dead letter')}`),
            queue.deadLetters === 0 ? null : el('button', {
                type: 'button', onclick: () => confirm.ask(
                    `Send all ${plural(queue.deadLetters, 'dead letter')} of ${queue.queue} back to the queue?`,
                    'Redrive all', async () => {
                        const answer = await send('POST', `${service.admin}dead-letters/${encodeURIComponent(queue.queue)}/redrive`);
                        return `Redriven: ${plural(answer.redriven, 'message')} back to ${queue.queue}.`;
                    }, refresh)
            }, `Redrive all ${queue.deadLetters}`),
            queue.deadLetters === 0 ? null : table(`Dead letters of ${queue.queue}, oldest first`, [
                {title: 'Message', cell: letter => letter.messageId},
                {title: 'Type', cell: letter => letter.type || '—'},
                {title: 'Why', cell: letter => words(letter.reason)},
                {title: 'Times', cell: letter => letter.deadLettered},
                {title: 'Last time', cell: letter => formatTime(letter.deadLetteredAt)},
                {title: 'Body', cell: letter => el('span', {class: 'details'}, letter.body)},
                {
                    title: 'Action', cell: letter => el('button', {
                        type: 'button', 'aria-label': `Redrive ${letter.messageId}`,
                        onclick: () => confirm.ask(`Send dead letter ${letter.messageId} (${letter.type}) back to ${queue.queue}?`,
                            'Redrive', async () => {
                                await send('POST', `${service.admin}dead-letters/${encodeURIComponent(queue.queue)}/redrive?messageId=${encodeURIComponent(letter.messageId)}`);
                                return `Redriven: ${letter.messageId} back to ${queue.queue}.`;
                            }, refresh)
                    }, 'Redrive')
                }
            ], queue.letters, 'None.')))));
        const parked = region(`${service.name}: parked events`, () => api(`${service.admin}outbox/parked?limit=100`),
            answer => el('div', {},
                el('p', {}, answer.count === 0 ? 'The outbox parked no event.'
                    : `${plural(answer.count, 'event')} parked: the broker refused them; the rest flows.`),
                answer.count === 0 ? null : el('button', {
                    type: 'button', onclick: () => confirm.ask(
                        `Publish every parked event of the ${service.name.toLowerCase()} again, aggregate by aggregate, in order?`,
                        'Retry all', async () => {
                            const report = await send('POST', `${service.admin}outbox/parked/retry`);
                            const still = Object.keys(report.stillParked || {}).length;
                            return `Published ${plural(report.published, 'event')}; ${still} aggregates still parked.`;
                        }, refresh)
                }, 'Retry all'),
                answer.count === 0 ? null : table('Parked events, oldest first', [
                    {title: 'Aggregate', cell: event => event.aggregateId},
                    {title: 'Sequence', cell: event => event.sequenceNumber},
                    {title: 'Event', cell: event => event.eventType},
                    {title: 'Why', cell: event => event.reason},
                    {title: 'Parked', cell: event => formatTime(event.parkedAt)},
                    {
                        title: 'Action', cell: event => el('button', {
                            type: 'button', 'aria-label': `Retry ${event.aggregateId}`,
                            onclick: () => confirm.ask(`Publish the parked events of ${event.aggregateId} again?`, 'Retry',
                                async () => {
                                    const answer = await send('POST', `${service.admin}outbox/parked/${encodeURIComponent(event.aggregateId)}/retry`);
                                    return `Published ${plural(answer.published, 'event')} of ${event.aggregateId}.`;
                                }, refresh)
                        }, 'Retry')
                    }
                ], answer.events, 'None.')));
        regions.push(deadLetters, parked);
        return el('section', {'aria-labelledby': `${service.id}-waiting`},
            el('h2', {id: `${service.id}-waiting`}, service.name),
            el('h3', {}, 'Dead letters'), deadLetters.element,
            el('h3', {}, 'Parked events'), parked.element);
    });
    return {title: 'Dead letters and parked events', content: [...confirm.elements, ...sections], regions};
}

/** What the forwarder did on the node that answered; an older service does not say. */
function forwarderLine(forwarder) {
    if (!forwarder) {
        return '';
    }
    return ` Forwarder on this node: ${plural(forwarder.forwarded, 'event')} forwarded, `
        + `${plural(forwarder.failedBatches, 'failed batch', 'failed batches')}`
        + (forwarder.lastFailure ? `; last failure: ${forwarder.lastFailure}` : '; no failure.');
}

/** #/processors: each service's event processors, segment by segment, and its forwarder's failures. */
function processorsPage() {
    const regions = SERVICES.map(service => region(`${service.name}: processors`, () => api(`${service.admin}processors`),
        status => el('div', {},
            el('p', {}, `Newest event: ${status.head}.`, forwarderLine(status.forwarder)),
            status.processors.map(processor => el('div', {class: 'processor'},
                el('h3', {}, processor.name),
                el('p', {}, [
                    processor.mode,
                    processor.runningHere ? 'running here' : 'not running here',
                    processor.errorHere ? '⚠ backing off after an error' : null,
                    processor.mode === 'streaming' ? `${processor.behind} events behind` : null
                ].filter(Boolean).join(' · ')),
                processor.segments.length === 0 ? null : table(`Segments of ${processor.name}`, [
                    {title: 'Segment', cell: segment => segment.segment},
                    {title: 'Position', cell: segment => segment.position},
                    {title: 'Behind', cell: segment => segment.behind},
                    {title: 'Claimed by', cell: segment => segment.owner || 'nobody'},
                    {title: 'Claimed', cell: segment => formatTime(segment.claimedAt)},
                    {title: 'Here', cell: segment => segment.claimedHere ? 'yes' : 'no'}
                ], processor.segments, 'No segments.'))))));
    const content = SERVICES.map((service, index) => el('section', {'aria-labelledby': `${service.id}-processors`},
        el('h2', {id: `${service.id}-processors`}, service.name), regions[index].element));
    return {title: 'Processors', content, regions};
}

/** #/gateway: the payment service's simulated gateway: its outage switch and its latency. */
function gatewayPage() {
    const confirm = confirmation();
    const outage = el('input', {id: 'outage', type: 'checkbox'});
    const latency = el('input', {id: 'latency', type: 'text', value: '0ms', size: '8', 'aria-describedby': 'latency-hint'});
    let formFilled = false;
    const current = region('Gateway now', () => api('/admin/payment-service/gateway'), settings => {
        // The form starts from the gateway's first answer; later refreshes never touch what the operator types.
        if (!formFilled) {
            outage.checked = settings.outage;
            latency.value = settings.latency;
            formFilled = true;
        }
        return el('p', {class: 'gateway-state'},
            settings.outage ? '⚠ Outage: every charge and refund fails as unavailable.' : '✓ Working: charges and refunds go through.',
            ` Latency ${settings.latency}.`);
    });
    const form = el('form', {
            class: 'stacked', onsubmit: event => {
                event.preventDefault();
                const wanted = {outage: outage.checked, latency: latency.value.trim()};
                confirm.ask(`${wanted.outage ? 'Start an outage of' : 'Run'} the gateway with latency ${wanted.latency}?`,
                    'Apply', async () => {
                        const settings = await send('PUT', '/admin/payment-service/gateway', wanted);
                        return `Gateway: ${settings.outage ? 'outage' : 'working'}, latency ${settings.latency}.`;
                    }, refresh);
            }
        },
        el('p', {}, outage, ' ', el('label', {for: 'outage'}, 'Outage: refuse every charge and refund as unavailable')),
        el('p', {}, el('label', {for: 'latency'}, 'Latency of each call'), ' ', latency,
            el('span', {id: 'latency-hint', class: 'hint'}, ' e.g. 0ms, 250ms, 2s (at most 60s)')),
        el('button', {type: 'submit'}, 'Apply…'));
    return {
        title: 'Gateway', regions: [current], content: [...confirm.elements,
            el('h2', {}, 'The simulated payment gateway'), current.element, form]
    };
}

function route() {
    const hash = location.hash || '#/orders';
    const [path, search] = hash.substring(1).split('?');
    const parameters = new URLSearchParams(search || '');
    const orderMatch = path.match(/^\/orders\/(.+)$/);
    if (orderMatch) {
        return orderPage(decodeURIComponent(orderMatch[1]));
    }
    const pages = {'/waiting': waitingPage, '/processors': processorsPage, '/gateway': gatewayPage};
    return pages[path] ? pages[path]() : ordersPage(parameters);
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
        const section = (location.hash || '#/orders').substring(2).split(/[/?]/)[0];
        link.toggleAttribute('aria-current', link.dataset.section === section);
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
